import Foundation
import RewardCore
import Testing
import VerdictStore

@Suite("Prompt statistics on SQLite, beside the verdict cache")
struct PromptStatisticsStoreTests {
    @Test("statistics survive closing and reopening the file, next to the cache's verdicts; rankings order by learnability")
    func survivesRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("referee-stats-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cache = try SQLiteVerdictCache(path: path)
        var observations: [String: PromptObservations] = [:]
        for (id, wins) in [("a", 5), ("b", 0), ("c", 3)] {
            observations[id] = PromptObservations(accuracies: (0..<6).map { $0 < wins ? 1 : 0 }, rewards: Array(repeating: 1, count: 6))
        }
        let memory = InMemoryPromptStatisticsStore()
        await memory.add(observations, policy: PromptStatisticsPolicy(), now: 10)
        let rows = await memory.load(["a", "b", "c"])
        let first = try SQLitePromptStatistics(path: path)
        try await first.add(observations, policy: PromptStatisticsPolicy(), now: 10)
        try first.close()
        try cache.close()

        let reopened = try SQLitePromptStatistics(path: path)
        let loaded = try await reopened.load(["a", "b", "c", "missing"])
        #expect(loaded.count == 3)
        #expect(loaded == rows)
        #expect(try await reopened.ranked(by: true, limit: 1).first?.id == "c")
        #expect(try await reopened.ranked(by: false, limit: 1).first?.id == "b")
        try reopened.close()
    }
}
