import Foundation
import GRDB
import RewardCore

/// Prompt statistics in the verdict cache's SQLite file (table `prompt_stats`, migrated with the cache).
public struct SQLitePromptStatistics: PromptStatisticsStore {
    private let pool: DatabasePool

    /// Opens (or creates) the statistics in the SQLite file at `path`.
    public init(path: String) throws {
        do {
            pool = try VerdictDatabase.openPool(path: path, label: "referee.prompt-stats")
        } catch {
            throw VerdictStoreError(code: "stats_open_failed", message: "cannot open prompt statistics at \(path): \(error)")
        }
    }

    /// Checkpoints and closes the database.
    public func close() throws {
        try pool.close()
    }

    /// The stored statistics of `ids`.
    public func load(_ ids: [String]) async throws -> [String: PromptStatistics] {
        guard !ids.isEmpty else { return [:] }
        return try await pool.read { db in try Self.rows(db, ids) }
    }

    private static func rows(_ db: Database, _ ids: [String]) throws -> [String: PromptStatistics] {
        var found: [String: PromptStatistics] = [:]
        // SQLite binds at most 32,766 parameters per statement.
        for start in stride(from: 0, to: ids.count, by: 10_000) {
            let slice = Array(ids[start..<min(ids.count, start + 10_000)])
            let marks = Array(repeating: "?", count: slice.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: selectSQL + " WHERE prompt_id IN (\(marks))", arguments: StatementArguments(slice))
            for row in rows { let stats = statistics(row); found[stats.id] = stats }
        }
        return found
    }

    /// Adds observations in one write transaction, which SQLite serialises across processes.
    public func add(_ observations: [String: PromptObservations], policy: PromptStatisticsPolicy, now: Double) async throws {
        guard !observations.isEmpty else { return }
        try await pool.write { db in
            let existing = try Self.rows(db, Array(observations.keys))
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO prompt_stats
                (prompt_id, attempts, successes, alpha, beta, reward_mean, reward_squares, first_update, last_update)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (id, observed) in observations {
                let row = PromptStatistics.adding(observed, to: existing[id], id: id, policy: policy, now: now)
                try statement.execute(arguments: [
                    row.id, row.attempts, row.successes, row.alpha, row.beta, row.rewardMean, row.rewardSquares,
                    row.firstUpdate, row.lastUpdate,
                ])
            }
        }
    }

    /// The most (or least) learnable prompts, by the posterior mean's p(1 - p).
    public func ranked(by learnable: Bool, limit: Int) async throws -> [PromptStatistics] {
        let order = learnable ? "DESC" : "ASC"
        let learnability = "(alpha / (alpha + beta)) * (beta / (alpha + beta))"
        return try await pool.read { db in
            try Row.fetchAll(db, sql: Self.selectSQL + " ORDER BY \(learnability) \(order), prompt_id LIMIT ?", arguments: [limit])
                .map(Self.statistics)
        }
    }

    private static let selectSQL = """
        SELECT prompt_id, attempts, successes, alpha, beta, reward_mean, reward_squares, first_update, last_update FROM prompt_stats
        """

    private static func statistics(_ row: Row) -> PromptStatistics {
        var stats = PromptStatistics(id: row[0])
        stats.attempts = row[1]
        stats.successes = row[2]
        stats.alpha = row[3]
        stats.beta = row[4]
        stats.rewardMean = row[5]
        stats.rewardSquares = row[6]
        stats.firstUpdate = row[7]
        stats.lastUpdate = row[8]
        return stats
    }
}
