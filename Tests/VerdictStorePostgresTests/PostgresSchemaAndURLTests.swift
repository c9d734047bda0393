import Foundation
import PostgresNIO
import RewardCore
import Testing
import VerdictStore

@testable import VerdictStorePostgres

/// The schema is created and migrated at start-up, once, however many replicas start together.
@Suite("PostgreSQL cache schema", .enabled(if: PostgresServer.isAvailable, PostgresServer.why))
struct PostgresSchemaTests {
    static func versions(_ url: String) async throws -> [Int] {
        var found: [Int] = []
        try await PostgresVerdictCacheTests.withClient(url) { client in
            let rows = try await client.query("SELECT version FROM referee_schema_migration ORDER BY version")
            for try await version in rows.decode(Int.self) { found.append(version) }
        }
        return found
    }

    @Test func anEmptyDatabaseGetsEveryMigration() async throws {
        let versions = try await PostgresServer.withCache { _, url in try await Self.versions(url) }
        #expect(versions == PostgresSchema.migrations.map(\.version))
    }

    @Test func anOlderSchemaIsMigratedAndKeepsItsVerdicts() async throws {
        try await PostgresServer.withScratchDatabase { url in
            let old = try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger, schemaVersion: 1)
            await old.close()
            #expect(try await Self.versions(url) == [1])
            // What a build that knew only version 1 stored.
            try await PostgresVerdictCacheTests.execute(
                """
                INSERT INTO verdict VALUES ('kept', TRUE, NULL, 1, 'TRUE', 'judge', 10, 1, 5, 1700000000)
                """, url: url)

            let upgraded = try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger)
            #expect(try await upgraded.verdict(forKey: "kept")?.model == "judge")
            #expect(try await upgraded.claim(key: "new", owner: "a", lease: .seconds(5)))
            await upgraded.close()
            #expect(try await Self.versions(url) == [1, 2, 3])
        }
    }

    @Test func replicasStartingTogetherMigrateOnce() async throws {
        try await PostgresServer.withScratchDatabase { url in
            let caches = try await withThrowingTaskGroup(of: PostgresVerdictCache.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await PostgresVerdictCache.open(url: url, logger: PostgresServer.logger) }
                }
                return try await group.reduce(into: [PostgresVerdictCache]()) { $0.append($1) }
            }
            #expect(caches.count == 6)
            for cache in caches { await cache.close() }
            #expect(try await Self.versions(url) == [1, 2, 3])
        }
    }

    @Test func aWrongPasswordIsReportedWithoutThePassword() async throws {
        var server = try PostgresCacheURL(parsing: try #require(PostgresServer.url))
        server.password = "not-the-password"
        let error = await #expect(throws: VerdictStoreError.self) {
            _ = try await PostgresVerdictCache.open(url: server.urlWithPassword, logger: PostgresServer.logger)
        }
        #expect(error?.code == "cache_open_failed")
        #expect(error?.message.contains("password authentication failed") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("not-the-password") == false)
    }

    @Test func aServerThatIsNotThereFailsTheStartWithItsAddress() async throws {
        var server = try PostgresCacheURL(parsing: try #require(PostgresServer.url))
        server.port = 1
        let error = await #expect(throws: VerdictStoreError.self) {
            _ = try await PostgresVerdictCache.open(url: server.urlWithPassword, logger: PostgresServer.logger)
        }
        #expect(error?.message.contains("127.0.0.1:1") == true, "\(error?.message ?? "")")
    }
}

/// Cache URLs are checked once, with messages that name the wrong part and never show the password.
@Suite struct PostgresCacheURLTests {
    @Test func aFullURLIsRead() throws {
        let url = try PostgresCacheURL(parsing: "postgresql://ref%40eree:p%3Ass@db.internal:6543/verdicts?sslmode=require&max_connections=8")
        #expect(url.host == "db.internal" && url.port == 6543 && url.database == "verdicts")
        #expect(url.username == "ref@eree" && url.password == "p:ss")
        #expect(url.tls == .require && url.maxConnections == 8)
        #expect(url.redacted == "postgres://ref@eree:***@db.internal:6543/verdicts?sslmode=require")
        #expect(try PostgresCacheURL(parsing: url.urlWithPassword) == url)
    }

    @Test func defaultsAreLibpqs() throws {
        let url = try PostgresCacheURL(parsing: "postgres://referee@localhost/referee")
        #expect(url.port == 5432 && url.password == nil && url.tls == .prefer && url.maxConnections == 20)
    }

    @Test(arguments: [
        ("postgres://db.internal/verdicts", "user is missing"),
        ("postgres://u:secret@/verdicts", "host is missing"),
        ("postgres://u:secret@db.internal", "database name is missing"),
        ("postgres://u:secret@db.internal/a/b", "database name is missing"),
        ("postgres://u:secret@db.internal/v?sslmode=verify-full", "sslmode must be one of"),
        ("postgres://u:secret@db.internal/v?max_connections=0", "max_connections must be"),
        ("postgres://u:secret@db.internal/v?pool=3", "unknown parameter 'pool'"),
        ("mysql://u:secret@db.internal/v", "expected postgres://"),
    ])
    func aBadURLNamesWhatIsWrong(text: String, problem: String) {
        #expect {
            _ = try PostgresCacheURL(parsing: text)
        } throws: { error in
            let message = (error as? VerdictStoreError)?.message ?? ""
            return (error as? VerdictStoreError)?.code == "bad_cache_url" && message.contains(problem)
                && !message.contains("secret")
        }
    }
}

/// A cache operation that never finishes (the pool waiting on a server that is gone) fails instead of hanging.
@Suite struct DeadlineTests {
    @Test func workThatOutlastsTheDeadlineIsCancelledAndReported() async throws {
        let error = await #expect(throws: VerdictStoreError.self) {
            _ = try await withDeadline(.milliseconds(50), "lookup") { () async throws -> Int in
                try await Task.sleep(for: .seconds(600))
                return 1
            }
        }
        #expect(error?.code == "cache_timeout" && error?.message.contains("lookup") == true)
        #expect(try await withDeadline(.seconds(60), "lookup") { 7 } == 7)
    }

    /// A pool lease that does not answer cancellation once held the caller past the deadline for ever
    /// (a task group awaits every child): the deadline must not wait for the work to end.
    @Test(.timeLimit(.minutes(1))) func workThatIgnoresCancellationDoesNotHoldTheCaller() async throws {
        let stuck = StuckWork()
        let error = await #expect(throws: VerdictStoreError.self) {
            _ = try await withDeadline(.milliseconds(50), "lookup") { () async throws -> Int in
                await stuck.wait()
                return 1
            }
        }
        #expect(error?.code == "cache_timeout")
        await stuck.release()
    }

    @Test(.timeLimit(.minutes(1))) func aCancelledCallerIsReleasedAtOnce() async throws {
        let stuck = StuckWork()
        let caller = Task {
            try await withDeadline(.seconds(600), "lookup") { () async throws -> Int in
                await stuck.wait()
                return 1
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        caller.cancel()
        await #expect(throws: CancellationError.self) { _ = try await caller.value }
        await stuck.release()
    }
}

/// Work that waits, deaf to cancellation, until `release` is called.
actor StuckWork {
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var released = false

    func wait() async {
        if released { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        released = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
