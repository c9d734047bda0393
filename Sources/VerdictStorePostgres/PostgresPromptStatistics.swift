import PostgresNIO
import RewardCore

/// Prompt statistics in the shared PostgreSQL cache (table `prompt_stats`): every replica adds to the same
/// rows, each prompt in one upsert that decays and adds in SQL, so concurrent adds never lose one another.
public struct PostgresPromptStatistics: PromptStatisticsStore {
    let cache: PostgresVerdictCache

    /// The statistics of the database `cache` is open on.
    public init(cache: PostgresVerdictCache) {
        self.cache = cache
    }

    /// The stored statistics of `ids`.
    public func load(_ ids: [String]) async throws -> [String: PromptStatistics] {
        guard !ids.isEmpty else { return [:] }
        let client = cache.client
        let logger = cache.logger
        return try await cache.run("read") {
            var found: [String: PromptStatistics] = [:]
            let rows = try await client.query("\(unescaped: Self.selectSQL) WHERE prompt_id = ANY(\(ids))", logger: logger)
            for try await row in rows.decode(Self.Columns.self) {
                let stats = Self.statistics(row)
                found[stats.id] = stats
            }
            return found
        }
    }

    /// Adds observations: one transaction, one upsert per prompt.
    public func add(_ observations: [String: PromptObservations], policy: PromptStatisticsPolicy, now: Double) async throws {
        guard !observations.isEmpty else { return }
        let client = cache.client
        let logger = cache.logger
        try await cache.run("write") {
            try await client.withConnection { connection in
                try await connection.withTransaction(logger: logger) { connection in
                    for (id, observed) in observations.sorted(by: { $0.key < $1.key }) {
                        try await connection.query(Self.upsert(id, observed, policy: policy, now: now), logger: logger)
                    }
                }
            }
        }
    }

    /// The most (or least) learnable prompts, by the posterior mean's p(1 - p).
    public func ranked(by learnable: Bool, limit: Int) async throws -> [PromptStatistics] {
        let client = cache.client
        let logger = cache.logger
        let order = learnable ? "DESC" : "ASC"
        return try await cache.run("read") {
            let rows = try await client.query(
                "\(unescaped: Self.selectSQL) ORDER BY (alpha / (alpha + beta)) * (beta / (alpha + beta)) \(unescaped: order), prompt_id LIMIT \(limit)",
                logger: logger)
            var found: [PromptStatistics] = []
            for try await row in rows.decode(Self.Columns.self) { found.append(Self.statistics(row)) }
            return found
        }
    }

    /// The decay, the new evidence and the merged reward mean and variance, as `PromptStatistics.update` computes them.
    static func upsert(_ id: String, _ observed: PromptObservations, policy: PromptStatisticsPolicy, now: Double) -> PostgresQuery {
        let wins = observed.accuracies.reduce(0, +)
        let losses = Double(observed.accuracies.count) - wins
        let count = observed.rewards.count
        let mean = count == 0 ? 0 : observed.rewards.reduce(0, +) / Double(count)
        let squares = observed.rewards.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let halfLife = policy.halfLifeSeconds ?? 1e300
        let (priorAlpha, priorBeta, visit) = (policy.priorAlpha, policy.priorBeta, policy.visitDecay)
        let successes = Int(wins.rounded())
        return """
            INSERT INTO prompt_stats AS s
                (prompt_id, attempts, successes, alpha, beta, reward_mean, reward_squares, first_update, last_update)
            VALUES (\(id), \(count), \(successes), \(priorAlpha + wins), \(priorBeta + losses), \(mean), \(squares), \(now), \(now))
            ON CONFLICT (prompt_id) DO UPDATE SET
                alpha = \(priorAlpha) + \(visit) * power(0.5, greatest(0, \(now) - s.last_update) / \(halfLife)) * (s.alpha - \(priorAlpha)) + \(wins),
                beta = \(priorBeta) + \(visit) * power(0.5, greatest(0, \(now) - s.last_update) / \(halfLife)) * (s.beta - \(priorBeta)) + \(losses),
                attempts = s.attempts + \(count),
                successes = s.successes + \(successes),
                reward_mean = CASE WHEN s.attempts + \(count) = 0 THEN s.reward_mean
                    ELSE (s.reward_mean * s.attempts + \(mean) * \(count)) / (s.attempts + \(count)) END,
                reward_squares = CASE WHEN s.attempts + \(count) = 0 THEN s.reward_squares
                    ELSE s.reward_squares + \(squares) + (\(mean) - s.reward_mean) * (\(mean) - s.reward_mean) * s.attempts * \(count) / (s.attempts + \(count)) END,
                last_update = \(now)
            """
    }

    typealias Columns = (String, Int, Int, Double, Double, Double, Double, Double, Double)

    private static let selectSQL = """
        SELECT prompt_id, attempts, successes, alpha, beta, reward_mean, reward_squares, first_update, last_update FROM prompt_stats
        """

    private static func statistics(_ row: Columns) -> PromptStatistics {
        var stats = PromptStatistics(id: row.0)
        stats.attempts = row.1
        stats.successes = row.2
        stats.alpha = row.3
        stats.beta = row.4
        stats.rewardMean = row.5
        stats.rewardSquares = row.6
        stats.firstUpdate = row.7
        stats.lastUpdate = row.8
        return stats
    }
}
