import Foundation
import RewardCore
import Testing
import VerdictStore

@Suite struct SQLiteVerdictCacheTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID().uuidString).sqlite").path
    }

    static let verdict = JudgeVerdict(
        passed: false, requiresReasoning: true, agreement: 2.0 / 3.0, rawText: "{\"is_judgment_correct\": false}",
        model: "qwen2.5-1.5b", promptTokens: 321, completionTokens: 12, latencyMs: 734.5)

    @Test func aStoredVerdictComesBackWholeAndMarkedAsCached() async throws {
        let cache = try SQLiteVerdictCache(path: Self.temporaryPath())
        try await cache.store(Self.verdict, forKey: "k1")
        let found = try #require(try await cache.verdict(forKey: "k1"))
        var expected = Self.verdict
        expected.fromCache = true
        #expect(found == expected)
        #expect(try await cache.verdict(forKey: "k2") == nil)
    }

    @Test func verdictsOutliveTheConnectionAndUseWAL() async throws {
        let path = Self.temporaryPath()
        try await SQLiteVerdictCache(path: path).store(Self.verdict, forKey: "k")
        let reopened = try SQLiteVerdictCache(path: path)
        #expect(try await reopened.verdict(forKey: "k")?.latencyMs == 734.5)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aNilRequiresReasoningStaysNil() async throws {
        let cache = try SQLiteVerdictCache(path: Self.temporaryPath())
        try await cache.store(JudgeVerdict(passed: true, rawText: "TRUE", model: "m"), forKey: "k")
        let found = try #require(try await cache.verdict(forKey: "k"))
        #expect(found.passed && found.requiresReasoning == nil)
    }

    @Test func statsCountVerdictsTokensAndModels() async throws {
        let cache = try SQLiteVerdictCache(path: Self.temporaryPath())
        #expect(try await cache.stats().verdicts == 0)
        try await cache.store(Self.verdict, forKey: "a")
        try await cache.store(Self.verdict, forKey: "b")
        try await cache.store(JudgeVerdict(passed: true, model: "other", promptTokens: 9), forKey: "c")
        // Storing a key again replaces it rather than counting it twice.
        try await cache.store(Self.verdict, forKey: "a")
        let stats = try await cache.stats()
        #expect(stats.verdicts == 3)
        #expect(stats.promptTokens == 321 * 2 + 9)
        #expect(stats.verdictsByModel == [ModelCount(model: "qwen2.5-1.5b", verdicts: 2), ModelCount(model: "other", verdicts: 1)])
        #expect(try #require(stats.oldest) <= (try #require(stats.newest)))
    }

    @Test func pruneDeletesOnlyVerdictsOlderThanTheCutoff() async throws {
        let cache = try SQLiteVerdictCache(path: Self.temporaryPath())
        try await cache.store(Self.verdict, forKey: "a")
        try await cache.store(Self.verdict, forKey: "b")
        #expect(try await cache.prune(olderThan: Date().addingTimeInterval(-3600)) == 0)
        #expect(try await cache.stats().verdicts == 2)
        #expect(try await cache.prune(olderThan: Date().addingTimeInterval(1)) == 2)
        #expect(try await cache.verdict(forKey: "a") == nil)
    }

    @Test func anUnopenablePathIsAClearError() throws {
        let error = #expect(throws: VerdictStoreError.self) {
            try SQLiteVerdictCache(path: "/nonexistent-folder-\(UUID())/verdicts.sqlite")
        }
        #expect(error?.code == "cache_open_failed")
    }

    @Test func manyConcurrentReadersAndWritersAgree() async throws {
        let cache = try SQLiteVerdictCache(path: Self.temporaryPath())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    try await cache.store(JudgeVerdict(passed: index % 2 == 0, model: "m"), forKey: "k\(index)")
                    #expect(try await cache.verdict(forKey: "k\(index)")?.passed == (index % 2 == 0))
                }
            }
            try await group.waitForAll()
        }
        #expect(try await cache.stats().verdicts == 50)
    }
}

@Suite struct GroupCommitTests {
    @Test func everyConcurrentStoreLandsBeforeItReturns() async throws {
        let cache = try SQLiteVerdictCache(path: SQLiteVerdictCacheTests.temporaryPath())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<400 {
                group.addTask {
                    try await cache.store(JudgeVerdict(passed: true, rawText: "\(index)", model: "m"), forKey: "k\(index)")
                    // Returned means committed: a read right after sees it.
                    #expect(try await cache.verdict(forKey: "k\(index)")?.rawText == "\(index)")
                }
            }
            try await group.waitForAll()
        }
        #expect(try await cache.stats().verdicts == 400)
    }

    @Test func aFailedCommitFailsEveryStoreInIt() async throws {
        let cache = try SQLiteVerdictCache(path: SQLiteVerdictCacheTests.temporaryPath())
        try cache.close()
        let failures = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    do {
                        try await cache.store(JudgeVerdict(passed: true), forKey: "k\(index)")
                        return false
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 20)
    }
}

@Suite struct InMemoryVerdictCacheTests {
    @Test func storesAndMarksAsCached() async throws {
        let cache = InMemoryVerdictCache()
        #expect(await cache.verdict(forKey: "k") == nil)
        await cache.store(JudgeVerdict(passed: true, rawText: "TRUE"), forKey: "k")
        #expect(await cache.verdict(forKey: "k")?.fromCache == true)
        #expect(await cache.count == 1)
    }
}

@Suite struct CacheAgeTests {
    @Test(arguments: [("90s", 90.0), ("30m", 1800), ("12h", 43_200), ("7d", 604_800), ("2w", 1_209_600), ("1.5h", 5400), (" 7D ", 604_800)])
    func parsesNumberAndUnit(text: String, seconds: Double) throws {
        #expect(try CacheAge(parsing: text).seconds == seconds)
    }

    @Test(arguments: ["", "7", "d", "7y", "-1d", "seven days", "7 d x", "nand"])
    func rejectsOtherText(text: String) {
        let error = #expect(throws: VerdictStoreError.self) { try CacheAge(parsing: text) }
        #expect(error?.code == "bad_duration")
    }

    @Test func theCutoffLiesThatFarBack() throws {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(try CacheAge(parsing: "1d").cutoff(before: now) == Date(timeIntervalSince1970: 1_000_000 - 86_400))
    }
}
