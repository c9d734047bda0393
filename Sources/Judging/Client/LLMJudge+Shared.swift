import Foundation
import RewardCore

/// How often a replica waiting on another's claim looks for the verdict: soon at first, then less often.
enum ClaimPolling {
    static let firstPause = Duration.milliseconds(25)
    static let longestPause = Duration.milliseconds(500)
}

extension LLMJudge {
    /// A verdict judged once across every process sharing `cache`: this process judges while it holds the
    /// claim on `key`; otherwise it waits for the verdict the holder stores, and takes over if the claim lapses
    /// (the holder crashed) or is released (the holder's call failed). A cache that fails costs a judge call.
    func sharedVerdict(
        for request: JudgeRequest, template: PromptTemplate, key: String, cache: any SharedVerdictCache
    ) async throws -> JudgeVerdict {
        let lease = Duration.milliseconds(Int64(configuration.claimLeaseSeconds * 1000))
        var pause = ClaimPolling.firstPause
        while true {
            let claimed: Bool
            do {
                claimed = try await cache.claim(key: key, owner: claimOwner, lease: lease)
            } catch {
                logger.warning("verdict claim failed; judging without one", metadata: ["error": "\(error)"])
                return try await storedFreshVerdict(for: request, template: template, key: key)
            }
            if claimed { return try await judgeClaimed(request, template: template, key: key, cache: cache, lease: lease) }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, ClaimPolling.longestPause)
            do {
                if var stored = try await cache.verdict(forKey: key) {
                    stored.fromCache = true
                    return stored
                }
            } catch {
                logger.warning("verdict cache lookup failed; judging without a claim", metadata: ["error": "\(error)"])
                return try await storedFreshVerdict(for: request, template: template, key: key)
            }
        }
    }

    /// Judges `request` while renewing the claim, then stores the verdict unless another replica stored one
    /// first, and returns whichever is stored. On failure the claim is released so a waiting replica may try.
    private func judgeClaimed(
        _ request: JudgeRequest, template: PromptTemplate, key: String, cache: any SharedVerdictCache, lease: Duration
    ) async throws -> JudgeVerdict {
        let verdict: JudgeVerdict
        do {
            verdict = try await whileRenewingClaim(on: key, cache: cache, lease: lease) {
                try await freshVerdict(for: request, template: template)
            }
        } catch {
            do {
                try await cache.release(key: key, owner: claimOwner)
            } catch let releaseError {
                logger.warning("verdict claim release failed", metadata: ["error": "\(releaseError)"])
            }
            throw error
        }
        do {
            return try await cache.storeFirst(verdict, forKey: key, owner: claimOwner)
        } catch {
            logger.warning("verdict cache store failed", metadata: ["error": "\(error)"])
            return verdict
        }
    }

    /// Runs `work` while extending the claim on `key` every third of `lease`, so a slow or queued judge call
    /// keeps its claim and only a replica that stopped renewing loses it.
    private func whileRenewingClaim(
        on key: String, cache: any SharedVerdictCache, lease: Duration,
        _ work: @escaping @Sendable () async throws -> JudgeVerdict
    ) async throws -> JudgeVerdict {
        try await withThrowingTaskGroup(of: JudgeVerdict?.self) { group in
            group.addTask { try await work() }
            group.addTask { [claimOwner, logger] in
                while true {
                    try await Task.sleep(for: lease / 3)
                    do {
                        _ = try await cache.claim(key: key, owner: claimOwner, lease: lease)
                    } catch {
                        logger.warning("verdict claim renewal failed", metadata: ["error": "\(error)"])
                    }
                }
            }
            defer { group.cancelAll() }
            while let finished = try await group.next() {
                if let verdict = finished { return verdict }
            }
            throw CancellationError()
        }
    }
}
