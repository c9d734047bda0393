import Foundation
import Judging
import RewardCore
import VerdictStore

/// What a cache hit costs: the SQLite lookup alone, and a whole `LLMJudge.verdict` served from it,
/// against the in-memory cache as the baseline.
enum CacheHits {
    static let stored = 10_000
    static let lookups = 20_000

    static func run(baseURL: String) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("judge-bench-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let sqlite = try SQLiteVerdictCache(path: path)
        let memory = InMemoryVerdictCache()
        let verdict = JudgeVerdict(
            passed: true, rawText: "TRUE", model: "scripted", promptTokens: 100, completionTokens: 1, latencyMs: 50)
        for index in 0..<stored {
            try await sqlite.store(verdict, forKey: "key-\(index)")
            await memory.store(verdict, forKey: "key-\(index)")
        }
        let sqliteLookup = try await timeLookups { try await sqlite.verdict(forKey: "key-\($0 % stored)") != nil }
        let memoryLookup = try await timeLookups { await memory.verdict(forKey: "key-\($0 % stored)") != nil }

        // Whole verdicts on a hit: fill the cache through the judge once, then ask again.
        let configuration = JudgeConfiguration(baseURL: baseURL, model: "scripted", promptsDirectory: promptsDirectory)
        let judge = try LLMJudge(configuration: configuration, cache: sqlite, logger: quietLogger())
        let distinct = 256
        for index in 0..<distinct { _ = try await judge.verdict(for: Throughput.request(index, salt: "hit")) }
        let judgeHit = try await timeLookups {
            try await judge.verdict(for: Throughput.request($0 % distinct, salt: "hit")).fromCache
        }

        print("")
        print("cache hits, median of \(lookups) sequential lookups over \(stored) stored verdicts")
        print("  in-memory cache lookup   \(formatted(memoryLookup, 2)) µs (baseline)")
        print("  SQLite cache lookup      \(formatted(sqliteLookup, 2)) µs (\(formatted(sqliteLookup / memoryLookup, 1))x baseline; target <= 50 µs)")
        print("  LLMJudge.verdict on hit  \(formatted(judgeHit, 2)) µs (key hashing + SQLite lookup)")
    }

    /// Median microseconds per call of `lookup`, which must report a hit.
    static func timeLookups(_ lookup: (Int) async throws -> Bool) async throws -> Double {
        var samples: [Double] = []
        samples.reserveCapacity(lookups)
        for index in 0..<lookups {
            let started = ContinuousClock.now
            let hit = try await lookup(index &* 7919)
            samples.append((ContinuousClock.now - started) / .microseconds(1))
            guard hit else { throw CocoaError(.fileReadNoSuchFile) }
        }
        return median(samples)
    }
}
