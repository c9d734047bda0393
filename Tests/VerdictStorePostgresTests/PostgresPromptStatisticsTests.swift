import RewardCore
import Testing
import VerdictStore
import VerdictStorePostgres

@Suite("Prompt statistics on PostgreSQL, shared by replicas", .enabled(if: PostgresServer.isAvailable, PostgresServer.why))
struct PostgresPromptStatisticsTests {
    static let policy: PromptStatisticsPolicy = {
        var policy = PromptStatisticsPolicy()
        policy.halfLifeSeconds = 100
        return policy
    }()

    @Test("the SQL upsert decays and adds exactly as the Swift update does, and survives reopening")
    func matchesSwift() async throws {
        try await PostgresServer.withScratchDatabase { url in
            let memory = InMemoryPromptStatisticsStore()
            let steps: [(Double, [String: PromptObservations])] = [
                (0, ["q": PromptObservations(accuracies: [1, 1, 0], rewards: [1, 1, 0.1]), "r": PromptObservations(accuracies: [0], rewards: [0])]),
                (0, ["q": PromptObservations(accuracies: [1], rewards: [1])]),
                (150, ["q": PromptObservations(accuracies: [0, 0], rewards: [0.1, 0])]),
            ]
            let cache = try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger)
            let shared = PostgresPromptStatistics(cache: cache)
            for (now, observations) in steps {
                try await shared.add(observations, policy: Self.policy, now: now)
                await memory.add(observations, policy: Self.policy, now: now)
            }
            await cache.close()
            let reopened = try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger)
            let stored = try await PostgresPromptStatistics(cache: reopened).load(["q", "r"])
            let expected = await memory.load(["q", "r"])
            for id in ["q", "r"] {
                let (a, b) = (try #require(stored[id]), try #require(expected[id]))
                #expect(a.attempts == b.attempts && a.successes == b.successes)
                #expect(abs(a.alpha - b.alpha) < 1e-9 && abs(a.beta - b.beta) < 1e-9, "\(a) vs \(b)")
                #expect(abs(a.rewardMean - b.rewardMean) < 1e-9 && abs(a.rewardSquares - b.rewardSquares) < 1e-9)
                #expect(a.lastUpdate == b.lastUpdate && a.firstUpdate == b.firstUpdate)
            }
            #expect(try await PostgresPromptStatistics(cache: reopened).ranked(by: false, limit: 1).first?.id == "r")
            await reopened.close()
        }
    }

    @Test("two replicas adding to the same prompts at once lose nothing")
    func replicas() async throws {
        try await PostgresServer.withScratchDatabase { url in
            let a = try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger)
            let b = try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for replica in [a, b] {
                    group.addTask {
                        for round in 0..<20 {
                            try await PostgresPromptStatistics(cache: replica).add(
                                ["shared": PromptObservations(accuracies: [1, 0], rewards: [1, 0]), "p\(round)": PromptObservations(accuracies: [1], rewards: [1])],
                                policy: PromptStatisticsPolicy(), now: Double(round))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let seen = try await PostgresPromptStatistics(cache: b).load(["shared", "p3"])
            #expect(seen["shared"]?.attempts == 80)
            #expect(seen["shared"]?.successes == 40)
            #expect(seen["p3"]?.attempts == 2)
            await a.close()
            await b.close()
        }
    }
}
