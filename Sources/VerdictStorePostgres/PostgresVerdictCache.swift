import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import RewardCore
import VerdictStore

/// The verdict cache on a PostgreSQL server, shared by every replica that names it: the same key and
/// columns as the SQLite cache, a connection pool, and claims so that one replica judges a key at a time.
public final class PostgresVerdictCache: SharedVerdictCache, ManagedVerdictCache {
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger
    private let timeout: Duration
    /// Set when the server stopped answering: until then operations fail at once instead of each waiting out
    /// the deadline, so an outage costs judge calls, not seconds per verdict.
    private let skippedUntil = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
    /// The server and database, without the password.
    public let location: String

    private init(client: PostgresClient, running: Task<Void, Never>, settings: PostgresCacheURL, logger: Logger) {
        self.client = client
        self.running = running
        self.location = settings.redacted
        self.timeout = settings.timeout
        self.logger = logger
    }

    /// Connects to the server `url` names and brings the schema up to date (created on first use, migrated on
    /// upgrade, safe when replicas start at once). Throws `VerdictStoreError` naming the URL (never its password)
    /// and the server's reason, within the URL's timeout, when the server is unreachable or refuses the login.
    public static func open(url: String, logger: Logger, schemaVersion: Int = Int.max) async throws -> PostgresVerdictCache {
        let settings = try PostgresCacheURL(parsing: url)
        do {
            let connection = try await withDeadline(settings.timeout, "connecting") {
                try await PostgresConnection.connect(
                    configuration: try settings.connectionConfiguration(), id: 0, logger: logger)
            }
            do {
                let applied = try await PostgresSchema.migrate(connection, upTo: schemaVersion, logger: logger)
                if !applied.isEmpty {
                    logger.info("verdict cache schema migrated", metadata: ["versions": "\(applied)", "cache": "\(settings.redacted)"])
                }
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw VerdictStoreError(
                code: "cache_open_failed",
                message: "cannot open verdict cache at \(settings.redacted): \(PostgresErrorText.describe(error))")
        }
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        let running = Task { await client.run() }
        return PostgresVerdictCache(client: client, running: running, settings: settings, logger: logger)
    }

    /// Closes every pooled connection; later calls fail.
    public func close() async {
        running.cancel()
        await running.value
    }

    /// The stored verdict for `key`, marked as coming from the cache.
    public func verdict(forKey key: String) async throws -> JudgeVerdict? {
        try await run("lookup") { [client] in
            // Read to the end (at most one row) so the connection goes back to the pool at once.
            var found: JudgeVerdict?
            for try await row in try await client.execute(PostgresStatements.Lookup(key: key)) {
                found = PostgresStatements.verdict(row)
            }
            return found
        }
    }

    /// Stores `verdict` under `key` unless a verdict is stored already: the first verdict for a key stays.
    public func store(_ verdict: JudgeVerdict, forKey key: String) async throws {
        _ = try await storeFirst(verdict, forKey: key, owner: "")
    }

    /// Stores `verdict` unless one is stored, ends `owner`'s claim, and returns the stored verdict.
    public func storeFirst(_ verdict: JudgeVerdict, forKey key: String, owner: String) async throws -> JudgeVerdict {
        let statement = PostgresStatements.StoreFirst(
            verdict: verdict, key: key, owner: owner, createdAt: Date().timeIntervalSince1970)
        let stored = try await run("store") { [client] in
            try await client.execute(statement).reduce(false) { _, _ in true }
        }
        if stored { return verdict }
        // Another replica stored first; everyone returns its verdict, so no two answers exist for one key.
        return try await self.verdict(forKey: key) ?? verdict
    }

    /// Claims `key` for `owner` for `lease`; false while another owner's claim is live or a verdict is stored.
    public func claim(key: String, owner: String, lease: Duration) async throws -> Bool {
        let statement = PostgresStatements.Claim(key: key, owner: owner, leaseSeconds: lease / .seconds(1))
        let claimed = try await run("claim") { [client] in
            try await client.execute(statement).reduce(false) { _, _ in true }
        }
        guard claimed else { return false }
        // A verdict committed while the claim statement ran is invisible to its snapshot; a second look, in a
        // new snapshot, sees it, so a replica never judges a key whose verdict was just stored.
        guard try await verdict(forKey: key) == nil else {
            try await release(key: key, owner: owner)
            return false
        }
        return true
    }

    /// Ends `owner`'s claim on `key`.
    public func release(key: String, owner: String) async throws {
        try await run("release") { [client] in
            for try await _ in try await client.execute(PostgresStatements.Release(key: key, owner: owner)) {}
        }
    }

    /// Up to `limit` rows in key order after `key`.
    public func rows(after key: String?, limit: Int) async throws -> [StoredVerdict] {
        try await run("read") { [client, logger] in
            let rows = try await client.query(
                """
                SELECT key, passed, requires_reasoning, agreement, raw_text, model, prompt_tokens, completion_tokens,
                       latency_ms, created_at
                FROM verdict WHERE key > \(key ?? "") ORDER BY key LIMIT \(limit)
                """, logger: logger)
            var page: [StoredVerdict] = []
            for try await (key, passed, requires, agreement, raw, model, prompt, completion, latency, created) in rows.decode(
                (String, Bool, Bool?, Double, String, String, Int, Int, Double, Double).self)
            {
                page.append(
                    StoredVerdict(
                        key: key,
                        verdict: PostgresStatements.verdict((passed, requires, agreement, raw, model, prompt, completion, latency)),
                        createdAt: created))
            }
            return page
        }
    }

    /// Inserts `rows` in one transaction, keeping verdicts already stored; returns how many went in.
    public func insert(_ rows: [StoredVerdict]) async throws -> Int {
        try await run("insert") { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in
                var inserted = 0
                for row in rows {
                    let statement = PostgresStatements.StoreFirst(
                        verdict: row.verdict, key: row.key, owner: "", createdAt: row.createdAt)
                    inserted += try await connection.execute(statement, logger: logger).reduce(0) { count, _ in count + 1 }
                }
                return inserted
            }
        }
    }

    /// Counts and totals over the stored verdicts.
    public func stats() async throws -> VerdictCacheStatistics {
        try await run("stats") { [client, logger] in
            let totals = try await client.query(
                """
                SELECT COUNT(*)::BIGINT, MIN(created_at), MAX(created_at), COALESCE(SUM(prompt_tokens), 0)::BIGINT,
                       COALESCE(SUM(completion_tokens), 0)::BIGINT, COALESCE(AVG(latency_ms), 0)::DOUBLE PRECISION
                FROM verdict
                """, logger: logger)
            var statistics = VerdictCacheStatistics(
                verdicts: 0, oldest: nil, newest: nil, promptTokens: 0, completionTokens: 0, meanLatencyMs: 0,
                verdictsByModel: [])
            for try await (count, oldest, newest, prompt, completion, latency) in totals.decode(
                (Int, Double?, Double?, Int, Int, Double).self)
            {
                statistics.verdicts = count
                statistics.oldest = oldest.map(Date.init(timeIntervalSince1970:))
                statistics.newest = newest.map(Date.init(timeIntervalSince1970:))
                statistics.promptTokens = prompt
                statistics.completionTokens = completion
                statistics.meanLatencyMs = latency
            }
            let models = try await client.query(
                "SELECT model, COUNT(*)::BIGINT FROM verdict GROUP BY model ORDER BY COUNT(*) DESC, model", logger: logger)
            for try await (model, count) in models.decode((String, Int).self) {
                statistics.verdictsByModel.append(ModelCount(model: model, verdicts: count))
            }
            return statistics
        }
    }

    /// Deletes verdicts stored before `cutoff`, and lapsed claims; returns how many verdicts went.
    @discardableResult
    public func prune(olderThan cutoff: Date) async throws -> Int {
        try await run("prune") { [client, logger] in
            try await client.query("DELETE FROM verdict_claim WHERE expires_at < clock_timestamp()", logger: logger)
            let rows = try await client.query(
                "WITH gone AS (DELETE FROM verdict WHERE created_at < \(cutoff.timeIntervalSince1970) RETURNING 1) SELECT COUNT(*)::BIGINT FROM gone",
                logger: logger)
            var deleted = 0
            for try await count in rows.decode(Int.self) { deleted = count }
            return deleted
        }
    }

    /// Runs `work` within the cache's timeout, turning a database error into a `VerdictStoreError` that says
    /// what failed and why. The pool waits for ever for a server that is down; the timeout bounds that wait,
    /// and after one such failure the cache is skipped for as long again.
    private func run<T: Sendable>(_ operation: String, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        if let until = skippedUntil.withLockedValue({ $0 }), ContinuousClock.now < until {
            throw VerdictStoreError(
                code: "cache_unavailable",
                message: "verdict cache at \(location) is skipped for a moment after it stopped answering")
        }
        do {
            return try await withDeadline(timeout, operation, work)
        } catch {
            if PostgresErrorText.isOutage(error) {
                skippedUntil.withLockedValue { $0 = ContinuousClock.now + timeout }
                logger.warning(
                    "verdict cache unreachable; judging without it for a while",
                    metadata: ["cache": "\(location)", "seconds": "\(timeout / .seconds(1))"])
            }
            if let error = error as? VerdictStoreError { throw error }
            throw VerdictStoreError(
                code: "cache_\(operation)_failed",
                message: "verdict cache \(operation) at \(location) failed: \(PostgresErrorText.describe(error))")
        }
    }
}

/// Runs `work`, cancelling it and throwing a `cache_timeout` error when it outlasts `limit`.
func withDeadline<T: Sendable>(
    _ limit: Duration, _ operation: String, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: DeadlineOutcome<T>.self) { group in
        group.addTask { .finished(try await work()) }
        group.addTask {
            try await Task.sleep(for: limit)
            return .timedOut
        }
        defer { group.cancelAll() }
        switch try await group.next() {
        case .finished(let value): return value
        case .timedOut, nil:
            throw VerdictStoreError(
                code: "cache_timeout", message: "verdict cache \(operation) took longer than \(limit); is PostgreSQL up?")
        }
    }
}

/// Which of a deadline's two racers finished first.
enum DeadlineOutcome<T: Sendable>: Sendable {
    case finished(T)
    case timedOut
}

/// Readable text for PostgreSQL errors, whose own description is deliberately generic.
enum PostgresErrorText {
    /// The server's message and SQLSTATE, or the client-side code and cause.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo, let message = info[.message] {
            return "\(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }

    /// Whether `error` says the server is out of reach (no answer in time, a lost or refused connection, the server
    /// shutting down or out of connections) rather than that one statement failed.
    static func isOutage(_ error: any Error) -> Bool {
        if let error = error as? VerdictStoreError { return error.code == "cache_timeout" }
        guard let error = error as? PSQLError else { return false }
        guard let state = error.serverInfo?[.sqlState] else { return true }
        // SQLSTATE classes 08 connection exception, 53 insufficient resources, 57 operator intervention.
        return ["08", "53", "57"].contains(String(state.prefix(2)))
    }
}
