import Foundation
import GRDB
import RewardCore

/// The verdict cache in one SQLite file (WAL), shared safely by many readers and one writer.
public struct SQLiteVerdictCache: ManagedVerdictCache {
    private let pool: DatabasePool
    private let writer: VerdictWriter
    /// The database file.
    public let path: String

    /// Opens (or creates) the cache at `path` and brings its schema up to date.
    public init(path: String) throws {
        do {
            pool = try VerdictDatabase.openPool(path: path, label: "referee.verdicts")
        } catch {
            throw VerdictStoreError(code: "cache_open_failed", message: "cannot open verdict cache at \(path): \(error)")
        }
        writer = VerdictWriter(pool: pool)
        self.path = path
    }

    /// The database file, for logs.
    public var location: String { path }

    /// Checkpoints the WAL and closes the database; later calls fail. Called once at shutdown.
    public func close() throws {
        try pool.close()
    }

    /// The stored verdict for `key`, marked as coming from the cache.
    public func verdict(forKey key: String) async throws -> JudgeVerdict? {
        try lookup(key)
    }

    /// A synchronous read on the calling thread: a primary-key lookup takes microseconds, less than
    /// the two thread hops of GRDB's async read, which were most of a cache hit's cost.
    private func lookup(_ key: String) throws -> JudgeVerdict? {
        try pool.read { db in
            let statement = try db.cachedStatement(sql: VerdictDatabase.lookupSQL)
            guard let row = try Row.fetchOne(statement, arguments: [key]) else { return nil }
            return JudgeVerdict(
                passed: row[0], requiresReasoning: row[1], agreement: row[2], rawText: row[3], model: row[4],
                promptTokens: row[5], completionTokens: row[6], latencyMs: row[7], fromCache: true)
        }
    }

    /// Stores `verdict` under `key`, stamped with the current time; concurrent stores share a commit.
    public func store(_ verdict: JudgeVerdict, forKey key: String) async throws {
        try await writer.store(verdict, forKey: key, at: Date().timeIntervalSince1970)
    }

    /// Up to `limit` rows in key order after `key`.
    public func rows(after key: String?, limit: Int) async throws -> [StoredVerdict] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT key, passed, requires_reasoning, agreement, raw_text, model, prompt_tokens,
                           completion_tokens, latency_ms, created_at
                    FROM verdict WHERE key > ? ORDER BY key LIMIT ?
                    """, arguments: [key ?? "", limit]
            ).map { row in
                StoredVerdict(
                    key: row[0],
                    verdict: JudgeVerdict(
                        passed: row[1], requiresReasoning: row[2], agreement: row[3], rawText: row[4], model: row[5],
                        promptTokens: row[6], completionTokens: row[7], latencyMs: row[8], fromCache: true),
                    createdAt: row[9])
            }
        }
    }

    /// Inserts `rows` in one transaction, keeping verdicts already stored; returns how many went in.
    public func insert(_ rows: [StoredVerdict]) async throws -> Int {
        try await pool.write { db in
            let statement = try db.cachedStatement(sql: VerdictDatabase.insertIfAbsentSQL)
            var inserted = 0
            for row in rows {
                let verdict = row.verdict
                try statement.execute(arguments: [
                    row.key, verdict.passed, verdict.requiresReasoning, verdict.agreement, verdict.rawText, verdict.model,
                    verdict.promptTokens, verdict.completionTokens, verdict.latencyMs, row.createdAt,
                ])
                inserted += db.changesCount
            }
            return inserted
        }
    }

    /// Counts and totals over the stored verdicts.
    public func stats() async throws -> VerdictCacheStatistics {
        try await pool.read { db in
            let totals = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), MIN(created_at), MAX(created_at), COALESCE(SUM(prompt_tokens), 0),
                           COALESCE(SUM(completion_tokens), 0), COALESCE(AVG(latency_ms), 0)
                    FROM verdict
                    """)
            let models = try Row.fetchAll(
                db, sql: "SELECT model, COUNT(*) FROM verdict GROUP BY model ORDER BY COUNT(*) DESC, model")
            let count: Int = totals?[0] ?? 0
            let oldest: Double? = totals?[1]
            let newest: Double? = totals?[2]
            return VerdictCacheStatistics(
                verdicts: count,
                oldest: oldest.map(Date.init(timeIntervalSince1970:)),
                newest: newest.map(Date.init(timeIntervalSince1970:)),
                promptTokens: totals?[3] ?? 0, completionTokens: totals?[4] ?? 0,
                meanLatencyMs: totals?[5] ?? 0,
                verdictsByModel: models.map { ModelCount(model: $0[0], verdicts: $0[1]) })
        }
    }

    /// Deletes verdicts stored before `cutoff`; returns how many went.
    @discardableResult
    public func prune(olderThan cutoff: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM verdict WHERE created_at < ?", arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
