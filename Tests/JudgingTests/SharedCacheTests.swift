import FakeJudgeServer
import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// Judges handed one shared cache behave like replicas: one judge call per verdict, whoever asks.
@Suite struct SharedCacheTests {
    static func configuration(_ url: String, lease: Double = 15, maxRetries: Int = 3) -> JudgeConfiguration {
        var configuration = Fixtures.configuration(url, maxRetries: maxRetries)
        configuration.claimLeaseSeconds = lease
        return configuration
    }

    @Test func twoReplicasAskingAtOnceMakeOneCall() async throws {
        let script = JudgeScript()
        await script.setLatency(0.3)
        let cache = InMemoryVerdictCache()
        let verdicts = try await FakeJudgeServer.run(script) { url in
            let replicas = try (0..<2).map { _ in try Fixtures.judge(Self.configuration(url), cache: cache) }
            return try await withThrowingTaskGroup(of: JudgeVerdict.self) { group in
                for index in 0..<20 {
                    group.addTask { try await replicas[index % 2].verdict(for: Fixtures.logic) }
                }
                return try await group.reduce(into: [JudgeVerdict]()) { $0.append($1) }
            }
        }
        #expect(await script.calls == 1)
        #expect(verdicts.count == 20 && verdicts.allSatisfy(\.passed))
        // The replica that waited reads the verdict from the cache (so may a request that started late).
        #expect(verdicts.filter(\.fromCache).count >= 10)
        #expect(await cache.count == 1)
    }

    @Test func aFailedClaimHolderLetsTheWaitingReplicaJudge() async throws {
        let failing = JudgeScript()
        await failing.setLatency(0.3)
        await failing.enqueue(.status(400))
        let healthy = JudgeScript()
        let cache = InMemoryVerdictCache()
        try await FakeJudgeServer.run(failing) { failingURL in
            try await FakeJudgeServer.run(healthy) { healthyURL in
                let first = try Fixtures.judge(Self.configuration(failingURL, maxRetries: 0), cache: cache)
                let second = try Fixtures.judge(Self.configuration(healthyURL), cache: cache)
                let failed = Task { try await first.verdict(for: Fixtures.logic) }
                try await Self.waitForClaim(in: cache)
                let verdict = try await second.verdict(for: Fixtures.logic)
                #expect(verdict.passed && !verdict.fromCache)
                await #expect(throws: JudgeFailure.self) { _ = try await failed.value }
            }
        }
        #expect(await failing.calls == 1)
        #expect(await healthy.calls == 1)
        #expect(await cache.count == 1)
    }

    @Test func aLapsedClaimOfACrashedReplicaIsTakenOver() async throws {
        let script = JudgeScript()
        let cache = InMemoryVerdictCache()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Fixtures.judge(Self.configuration(url), cache: cache)
            let key = CacheKey.make(
                request: Fixtures.logic, template: judge.prompts[.logic], configuration: judge.configuration)
            #expect(await cache.claim(key: key, owner: "crashed-replica", lease: .milliseconds(300)))
            let verdict = try await judge.verdict(for: Fixtures.logic)
            #expect(verdict.passed && !verdict.fromCache)
        }
        #expect(await script.calls == 1)
    }

    @Test func aSlowCallKeepsItsClaimByRenewingIt() async throws {
        let slow = JudgeScript()
        await slow.setLatency(5)
        let other = JudgeScript()
        let cache = InMemoryVerdictCache()
        try await FakeJudgeServer.run(slow) { slowURL in
            try await FakeJudgeServer.run(other) { otherURL in
                // The call outlasts two and a half leases; renewals every third of a lease keep the claim (a lease
                // long enough that a loaded test machine does not delay a renewal past it).
                let first = try Fixtures.judge(Self.configuration(slowURL, lease: 2), cache: cache)
                let second = try Fixtures.judge(Self.configuration(otherURL, lease: 2), cache: cache)
                async let judged = first.verdict(for: Fixtures.logic)
                try await Self.waitForClaim(in: cache)
                let waited = try await second.verdict(for: Fixtures.logic)
                #expect(waited.fromCache)
                #expect(try await judged.rawText == waited.rawText)
            }
        }
        #expect(await slow.calls == 1)
        #expect(await other.calls == 0)
    }

    @Test func aBrokenSharedCacheCostsACallNotTheVerdict() async throws {
        let script = JudgeScript()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Fixtures.judge(Self.configuration(url), cache: BrokenSharedCache())
            let verdict = try await judge.verdict(for: Fixtures.logic)
            #expect(verdict.passed && !verdict.fromCache)
        }
        #expect(await script.calls == 1)
    }

    /// Waits until some replica holds a claim (the first request has reached the judge).
    static func waitForClaim(in cache: InMemoryVerdictCache) async throws {
        for _ in 0..<2000 {
            if await cache.claimCount > 0 { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("no replica claimed the verdict within ten seconds")
    }
}

/// A shared cache whose database is down: every call throws.
struct BrokenSharedCache: SharedVerdictCache {
    struct Down: Error {}
    func verdict(forKey key: String) async throws -> JudgeVerdict? { throw Down() }
    func store(_ verdict: JudgeVerdict, forKey key: String) async throws { throw Down() }
    func claim(key: String, owner: String, lease: Duration) async throws -> Bool { throw Down() }
    func release(key: String, owner: String) async throws { throw Down() }
    func storeFirst(_ verdict: JudgeVerdict, forKey key: String, owner: String) async throws -> JudgeVerdict { throw Down() }
}
