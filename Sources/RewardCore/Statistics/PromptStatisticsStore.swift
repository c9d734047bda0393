/// Where prompt statistics live (in memory, or beside the verdict cache); shared by every request.
public protocol PromptStatisticsStore: Sendable {
    /// The stored statistics of `ids`; ids never seen are absent.
    func load(_ ids: [String]) async throws -> [String: PromptStatistics]
    /// Stores (inserts or replaces) `statistics`, all in one write.
    func save(_ statistics: [PromptStatistics]) async throws
    /// The `limit` prompts of highest learnability (`mostLearnable`) or lowest, for `referee stats` and reports.
    func ranked(by learnable: Bool, limit: Int) async throws -> [PromptStatistics]
}

/// Prompt statistics in memory: for rules mode and tests; lost at restart.
public actor InMemoryPromptStatisticsStore: PromptStatisticsStore {
    private var rows: [String: PromptStatistics] = [:]

    /// Creates an empty store.
    public init() {}

    /// The stored statistics of `ids`.
    public func load(_ ids: [String]) -> [String: PromptStatistics] {
        var found: [String: PromptStatistics] = [:]
        for id in ids { if let row = rows[id] { found[id] = row } }
        return found
    }

    /// Stores `statistics`.
    public func save(_ statistics: [PromptStatistics]) {
        for row in statistics { rows[row.id] = row }
    }

    /// The most (or least) learnable prompts.
    public func ranked(by learnable: Bool, limit: Int) -> [PromptStatistics] {
        let sorted = rows.values.sorted { learnable ? $0.learnability > $1.learnability : $0.learnability < $1.learnability }
        return Array(sorted.prefix(limit))
    }
}
