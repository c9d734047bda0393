import Foundation
import PostgresNIO
import RewardCore
import Testing
import VerdictStore

@testable import VerdictStorePostgres

/// The PostgreSQL cache against a real server: contents, first-verdict-wins, claims, stats and pruning.
@Suite("PostgreSQL verdict cache", .enabled(if: PostgresServer.isAvailable, PostgresServer.why))
struct PostgresVerdictCacheTests {
    static let verdict = JudgeVerdict(
        passed: true, requiresReasoning: nil, agreement: 2.0 / 3, rawText: "TRUE — «grounded» ✓\n\ttail",
        model: "qwen2.5-vl", promptTokens: 1 << 40, completionTokens: 3, latencyMs: 812.25)

    @Test func aStoredVerdictReadsBackAsTheSQLiteCacheReadsIt() async throws {
        let sqlite = try SQLiteVerdictCache(
            path: FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID()).sqlite").path)
        var thinkJudge = Self.verdict
        thinkJudge.requiresReasoning = false
        thinkJudge.passed = false
        try await PostgresServer.withCache { cache, _ in
            for (key, verdict) in [("k-logic", Self.verdict), ("k-think", thinkJudge)] {
                try await cache.store(verdict, forKey: key)
                try await sqlite.store(verdict, forKey: key)
                let fromPostgres = try #require(try await cache.verdict(forKey: key))
                let fromSQLite = try #require(try await sqlite.verdict(forKey: key))
                #expect(fromPostgres == fromSQLite)
                var expected = verdict
                expected.fromCache = true
                #expect(fromPostgres == expected)
            }
            #expect(try await cache.verdict(forKey: "absent") == nil)
        }
        try sqlite.close()
    }

    @Test func aNULInTheJudgesTextIsKeptAsAReplacementCharacter() async throws {
        var verdict = Self.verdict
        verdict.rawText = "TRUE\u{0}after"
        let stored = try await PostgresServer.withCache { cache, _ in
            try await cache.store(verdict, forKey: "nul")
            return try await cache.verdict(forKey: "nul")
        }
        #expect(stored?.rawText == "TRUE\u{FFFD}after")
        #expect(stored?.passed == true)
    }

    @Test func theFirstVerdictForAKeyIsTheOnlyOne() async throws {
        try await PostgresServer.withCache { cache, _ in
            var second = Self.verdict
            second.passed = false
            second.rawText = "FALSE"
            try await cache.store(Self.verdict, forKey: "key")
            try await cache.store(second, forKey: "key")
            #expect(try await cache.verdict(forKey: "key")?.rawText == Self.verdict.rawText)
            let returned = try await cache.storeFirst(second, forKey: "key", owner: "b")
            #expect(returned.rawText == Self.verdict.rawText && returned.fromCache)
        }
    }

    @Test func claimsGoToOneOwnerUntilReleasedLapsedOrAnswered() async throws {
        try await PostgresServer.withCache { cache, url in
            #expect(try await cache.claim(key: "k", owner: "a", lease: .seconds(30)))
            #expect(try await !cache.claim(key: "k", owner: "b", lease: .seconds(30)))
            #expect(try await cache.claim(key: "k", owner: "a", lease: .seconds(30)), "the owner renews its own claim")
            try await cache.release(key: "k", owner: "b")
            #expect(try await !cache.claim(key: "k", owner: "b", lease: .seconds(30)), "only the owner releases")
            try await cache.release(key: "k", owner: "a")
            #expect(try await cache.claim(key: "k", owner: "b", lease: .milliseconds(100)))
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await cache.claim(key: "k", owner: "c", lease: .seconds(30)), "a lapsed claim is taken over")
            let stored = try await cache.storeFirst(Self.verdict, forKey: "k", owner: "c")
            #expect(!stored.fromCache)
            #expect(try await !cache.claim(key: "k", owner: "d", lease: .seconds(30)), "no claim once answered")
            #expect(try await Self.count("verdict_claim", url: url) == 0, "storing ends the claim")
        }
    }

    @Test func manyOwnersRacingForOneKeyGetOneClaim() async throws {
        try await PostgresServer.withCache { cache, _ in
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for owner in 0..<32 {
                    group.addTask { try await cache.claim(key: "race", owner: "owner-\(owner)", lease: .seconds(30)) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }

    @Test func statsCountAndPruneDeletesOnlyOldVerdicts() async throws {
        try await PostgresServer.withCache { cache, url in
            try await cache.store(Self.verdict, forKey: "new")
            var other = Self.verdict
            other.model = "other-judge"
            try await cache.store(other, forKey: "old")
            try await Self.execute("UPDATE verdict SET created_at = 1000 WHERE key = 'old'", url: url)
            let stats = try await cache.stats()
            #expect(stats.verdicts == 2)
            #expect(stats.promptTokens == 2 << 40 && stats.completionTokens == 6)
            #expect(stats.oldest == Date(timeIntervalSince1970: 1000))
            #expect(Set(stats.verdictsByModel.map(\.model)) == ["qwen2.5-vl", "other-judge"])
            #expect(try await cache.prune(olderThan: Date(timeIntervalSince1970: 2000)) == 1)
            #expect(try await cache.verdict(forKey: "old") == nil)
            #expect(try await cache.verdict(forKey: "new") != nil)
            #expect(try await cache.stats().verdicts == 1)
        }
    }

    /// Rows in `table`, read over a connection of the test's own.
    static func count(_ table: String, url: String) async throws -> Int {
        var total = 0
        try await withClient(url) { client in
            for try await value in try await client.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*)::BIGINT FROM \(table)")).decode(Int.self) {
                total = value
            }
        }
        return total
    }

    /// Runs one statement over a connection of the test's own.
    static func execute(_ sql: String, url: String) async throws {
        try await withClient(url) { client in try await client.query(PostgresQuery(unsafeSQL: sql)) }
    }

    static func withClient(_ url: String, _ body: (PostgresClient) async throws -> Void) async throws {
        try await withRunningClient(try PostgresCacheURL(parsing: url).clientConfiguration, body)
    }
}

/// A server that stops answering costs a deadline once, then the cache is skipped until it answers again.
@Suite("PostgreSQL cache outages", .enabled(if: PostgresServer.isAvailable, PostgresServer.why))
struct PostgresOutageTests {
    @Test func anOutageFailsFastAfterOneDeadlineAndTheCacheRecovers() async throws {
        let server = try #require(PostgresServer.url)
        try await PostgresServer.withScratchDatabase { url in
            var settings = try PostgresCacheURL(parsing: url)
            // Short enough to keep the test quick, long enough that the first store's connection on a loaded
            // machine (a parallel build, a local model) fits in it: 0.5 s once did not.
            settings.timeout = .seconds(2)
            let cache = try await PostgresVerdictCache.open(url: settings.urlWithPassword, logger: PostgresServer.logger)
            try await cache.store(PostgresVerdictCacheTests.verdict, forKey: "k")

            // The database refuses new connections and loses its open ones: to this cache, the server is gone.
            try await PostgresVerdictCacheTests.execute(
                "ALTER DATABASE \(settings.database) ALLOW_CONNECTIONS false", url: server)
            try await PostgresVerdictCacheTests.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(settings.database)'",
                url: server)
            var codes: [String] = []
            for _ in 0..<3 {
                do {
                    _ = try await cache.verdict(forKey: "k")
                    codes.append("hit")
                } catch let error as VerdictStoreError {
                    codes.append(error.code)
                }
            }
            #expect(!codes.contains("hit"), "\(codes)")
            #expect(codes.last == "cache_unavailable", "\(codes)")

            try await PostgresVerdictCacheTests.execute(
                "ALTER DATABASE \(settings.database) ALLOW_CONNECTIONS true", url: server)
            var recovered = false
            for _ in 0..<150 where !recovered {
                try await Task.sleep(for: .milliseconds(200))
                recovered = (try? await cache.verdict(forKey: "k")) != nil
            }
            #expect(recovered, "the cache answers again once the server does")
            await cache.close()
        }
    }
}
