import Foundation

/// What the verdict cache holds, for `referee cache stats`.
public struct VerdictCacheStatistics: Sendable, Equatable, Codable {
    /// Stored verdicts.
    public var verdicts: Int
    /// When the oldest stored verdict was made.
    public var oldest: Date?
    /// When the newest stored verdict was made.
    public var newest: Date?
    /// Prompt tokens the stored verdicts cost when they were made.
    public var promptTokens: Int
    /// Completion tokens the stored verdicts cost when they were made.
    public var completionTokens: Int
    /// Mean judge latency of the stored verdicts.
    public var meanLatencyMs: Double
    /// Verdict counts per judge model, largest first.
    public var verdictsByModel: [ModelCount]

    /// Creates statistics.
    public init(
        verdicts: Int, oldest: Date?, newest: Date?, promptTokens: Int, completionTokens: Int, meanLatencyMs: Double,
        verdictsByModel: [ModelCount]
    ) {
        self.verdicts = verdicts
        self.oldest = oldest
        self.newest = newest
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.meanLatencyMs = meanLatencyMs
        self.verdictsByModel = verdictsByModel
    }
}

/// How many stored verdicts one judge model gave.
public struct ModelCount: Sendable, Equatable, Codable {
    /// The judge model.
    public var model: String
    /// Its stored verdicts.
    public var verdicts: Int

    /// Creates a count.
    public init(model: String, verdicts: Int) {
        self.model = model
        self.verdicts = verdicts
    }
}
