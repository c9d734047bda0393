import Foundation
import PostgresNIO
import RewardCore
import VerdictStore

/// What `referee cache stats|prune|copy` need: totals, pruning, and reading and writing whole rows.
extension PostgresVerdictCache {
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
}
