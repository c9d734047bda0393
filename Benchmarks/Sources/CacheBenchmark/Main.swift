import Foundation
import Logging
import RewardCore
import VerdictStore
import VerdictStorePostgres

/// Verdict cache lookups and writes on PostgreSQL against SQLite, in the same run and on the same data:
/// sequential hits (median and p99), hits from 64 tasks at once, stores, and the claim round trip a shared
/// cache adds to each judge call. Run with `scripts/cache-benchmark.sh`, which starts a local PostgreSQL.
@main struct CacheBenchmarkMain {
    static let stored = 10_000
    static let lookups = 20_000
    static let concurrentTasks = 64

    static func main() async throws {
        guard let serverURL = CommandLine.arguments.dropFirst().first ?? ProcessInfo.processInfo.environment["REFEREE_BENCH_POSTGRES_URL"]
        else {
            print("usage: CacheBenchmark postgres://USER:PASSWORD@127.0.0.1:PORT/DB (scripts/cache-benchmark.sh starts one)")
            return
        }
        try await run(serverURL: serverURL)
    }

    /// The measurements, off the main actor so the closures they time need not be sendable.
    static func run(serverURL: String) async throws {
        var logger = Logger(label: "cache-benchmark")
        logger.logLevel = .warning
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-bench-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await ScratchDatabase.with(serverURL: serverURL) { url in
            let sqlite = try SQLiteVerdictCache(path: path)
            let postgres = try await PostgresVerdictCache.open(url: url, logger: logger)
            let caches: [(name: String, cache: any ManagedVerdictCache)] = [("SQLite", sqlite), ("PostgreSQL", postgres)]
            print("verdict cache benchmark: \(stored) stored verdicts, PostgreSQL at \(postgres.location)")

            var storeFigures: [String: Figures] = [:]
            for (name, cache) in caches {
                storeFigures[name] = try await sequential(count: stored) { index in
                    try await cache.store(verdict, forKey: "key-\(index)")
                }
            }
            var lookupFigures: [String: Figures] = [:]
            var concurrentRates: [String: Double] = [:]
            for (name, cache) in caches {
                _ = try await sequential(count: 2_000) { index in _ = try await cache.verdict(forKey: "key-\(index)") }
                lookupFigures[name] = try await sequential(count: lookups) { index in
                    guard try await cache.verdict(forKey: "key-\((index &* 7919) % stored)") != nil else { throw Missing() }
                }
                concurrentRates[name] = try await concurrent(count: lookups) { index in
                    guard try await cache.verdict(forKey: "key-\((index &* 7919) % stored)") != nil else { throw Missing() }
                }
            }
            let concurrentStores = try await concurrent(count: 5_000) { index in
                try await postgres.store(verdict, forKey: "concurrent-\(index)")
            }
            let sqliteConcurrentStores = try await concurrent(count: 5_000) { index in
                try await sqlite.store(verdict, forKey: "concurrent-\(index)")
            }
            // What a shared cache adds to one judge call: take the claim, then store the verdict and end the claim.
            let claimRoundTrip = try await sequential(count: 2_000) { index in
                guard try await postgres.claim(key: "claimed-\(index)", owner: "bench", lease: .seconds(30)) else { throw Missing() }
                _ = try await postgres.storeFirst(verdict, forKey: "claimed-\(index)", owner: "bench")
            }

            let sqliteLookup = lookupFigures["SQLite"]!, postgresLookup = lookupFigures["PostgreSQL"]!
            print("")
            print("sequential cache hits (\(lookups) lookups, one at a time)")
            print("  SQLite       median \(f(sqliteLookup.median)) µs  p99 \(f(sqliteLookup.p99)) µs (baseline)")
            print("  PostgreSQL   median \(f(postgresLookup.median)) µs  p99 \(f(postgresLookup.p99)) µs  (\(f(postgresLookup.median / sqliteLookup.median))x SQLite)")
            print("cache hits from \(concurrentTasks) tasks at once (\(lookups) lookups)")
            let sqliteRate = concurrentRates["SQLite"]!, postgresRate = concurrentRates["PostgreSQL"]!
            print("  SQLite       \(Int(sqliteRate)) lookups/s (baseline)")
            print("  PostgreSQL   \(Int(postgresRate)) lookups/s (\(f(postgresRate / sqliteRate))x SQLite; pool of 20 connections)")
            let sqliteStore = storeFigures["SQLite"]!, postgresStore = storeFigures["PostgreSQL"]!
            print("stores (\(stored) verdicts, one at a time; then 5,000 from \(concurrentTasks) tasks)")
            print("  SQLite       median \(f(sqliteStore.median)) µs, \(Int(sqliteConcurrentStores)) stores/s concurrent (baseline)")
            print("  PostgreSQL   median \(f(postgresStore.median)) µs, \(Int(concurrentStores)) stores/s concurrent (\(f(postgresStore.median / sqliteStore.median))x SQLite sequential)")
            print("claim + store-first round trip per judge call on PostgreSQL: median \(f(claimRoundTrip.median)) µs, p99 \(f(claimRoundTrip.p99)) µs")
            print("  (\(f(claimRoundTrip.median / 50_000 * 100)) % of a 50 ms judge call)")

            try sqlite.close()
            await postgres.close()
        }
    }

    static let verdict = JudgeVerdict(
        passed: true, requiresReasoning: nil, agreement: 1, rawText: "TRUE", model: "bench-judge", promptTokens: 812,
        completionTokens: 1, latencyMs: 50)

    struct Missing: Error {}

    struct Figures {
        var median: Double
        var p99: Double
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Microseconds per call of `work`, one call at a time.
    static func sequential(count: Int, _ work: (Int) async throws -> Void) async throws -> Figures {
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<count {
            let started = ContinuousClock.now
            try await work(index)
            samples.append((ContinuousClock.now - started) / .microseconds(1))
        }
        samples.sort()
        return Figures(median: samples[samples.count / 2], p99: samples[min(samples.count - 1, samples.count * 99 / 100)])
    }

    /// Calls of `work` per second with `concurrentTasks` tasks sharing `count` calls.
    static func concurrent(count: Int, _ work: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<concurrentTasks {
                group.addTask {
                    for index in stride(from: task, to: count, by: concurrentTasks) { try await work(index) }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / ((ContinuousClock.now - started) / .seconds(1))
    }
}
