/// One flush's new evidence about a prompt: its rollouts' 0/1 accuracies and their rewards.
public struct PromptObservations: Sendable, Hashable {
    /// The scored rollouts' accuracies (0 or 1).
    public var accuracies: [Double] = []
    /// The scored rollouts' rewards.
    public var rewards: [Double] = []

    /// Creates observations.
    public init(accuracies: [Double] = [], rewards: [Double] = []) {
        self.accuracies = accuracies
        self.rewards = rewards
    }
}

extension PromptObservations {
    /// Each prompt's new evidence from scored rollouts and their results (keyed by `prompt_id`, else a hash
    /// of `prompt`); rollouts that abstained or could not be read add nothing.
    public static func collect(_ items: [RolloutItem], _ results: [RewardResult]) -> [String: PromptObservations] {
        var batch: [String: PromptObservations] = [:]
        // A GRPO group's rollouts follow one another with one prompt: it is hashed once, not once per rollout.
        var last: (prompt: String, id: String)?
        for (item, result) in zip(items, results) {
            guard case .success(let rollout) = item.rollout, let reward = result.reward else { continue }
            let id: String
            if let promptID = rollout.promptID {
                id = promptID
            } else if let last, last.prompt == rollout.prompt {
                id = last.id
            } else {
                id = promptHash(rollout.prompt)
                last = (rollout.prompt, id)
            }
            batch[id, default: PromptObservations()].rewards.append(reward)
            if let accuracy = result.accuracy { batch[id, default: PromptObservations()].accuracies.append(accuracy) }
        }
        return batch
    }
}

/// Where prompt statistics live (in memory, beside the SQLite cache, or in the shared PostgreSQL cache).
public protocol PromptStatisticsStore: Sendable {
    /// The stored statistics of `ids`; ids never seen are absent.
    func load(_ ids: [String]) async throws -> [String: PromptStatistics]
    /// Adds each prompt's observations to its statistics, atomically: replicas may add at once.
    func add(_ observations: [String: PromptObservations], policy: PromptStatisticsPolicy, now: Double) async throws
    /// The `limit` prompts of highest learnability (`learnable`) or lowest, for `referee stats` and reports.
    func ranked(by learnable: Bool, limit: Int) async throws -> [PromptStatistics]
}

extension PromptStatistics {
    /// These statistics with `observations` added (or new ones from the prior).
    public static func adding(
        _ observations: PromptObservations, to existing: PromptStatistics?, id: String, policy: PromptStatisticsPolicy, now: Double
    ) -> PromptStatistics {
        var stats = existing ?? PromptStatistics(id: id, prior: policy, now: now)
        stats.update(accuracies: observations.accuracies, rewards: observations.rewards, at: now, policy: policy)
        return stats
    }
}

/// Prompt statistics in memory: for rules mode and tests; lost at restart. At most `capacity` prompts are
/// kept: past it, the least recently updated tenth is forgotten (they are the prompts a sampler knows least
/// about now anyway), so a long run over ever new prompts does not grow without bound.
public actor InMemoryPromptStatisticsStore: PromptStatisticsStore {
    /// The default bound: about 40 MB of statistics.
    public static let defaultCapacity = 200_000

    private var rows: [String: PromptStatistics] = [:]
    private let capacity: Int

    /// Creates an empty store holding at most `capacity` prompts (at least 1).
    public init(capacity: Int = InMemoryPromptStatisticsStore.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// How many prompts are held.
    public var count: Int { rows.count }

    /// The stored statistics of `ids`.
    public func load(_ ids: [String]) -> [String: PromptStatistics] {
        var found: [String: PromptStatistics] = [:]
        for id in ids { if let row = rows[id] { found[id] = row } }
        return found
    }

    /// Adds observations.
    public func add(_ observations: [String: PromptObservations], policy: PromptStatisticsPolicy, now: Double) {
        for (id, observed) in observations {
            rows[id] = PromptStatistics.adding(observed, to: rows[id], id: id, policy: policy, now: now)
        }
        if rows.count > capacity { evictLeastRecentlyUpdated() }
    }

    /// Drops the least recently updated prompts down to nine tenths of the capacity: one sort per tenth of
    /// the capacity of new prompts, not one per add.
    private func evictLeastRecentlyUpdated() {
        let keep = capacity - capacity / 10
        let oldest = rows.values.sorted { ($0.lastUpdate, $0.id) < ($1.lastUpdate, $1.id) }.prefix(rows.count - keep)
        for stats in oldest { rows[stats.id] = nil }
    }

    /// The most (or least) learnable prompts.
    public func ranked(by learnable: Bool, limit: Int) -> [PromptStatistics] {
        let sorted = rows.values.sorted { learnable ? $0.learnability > $1.learnability : $0.learnability < $1.learnability }
        return Array(sorted.prefix(limit))
    }
}
