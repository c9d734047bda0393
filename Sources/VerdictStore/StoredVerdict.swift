import RewardCore

/// One cache row as it is stored: key, verdict and when it was made, for copying between caches.
public struct StoredVerdict: Sendable, Equatable {
    /// The cache key.
    public var key: String
    /// The verdict.
    public var verdict: JudgeVerdict
    /// When the verdict was made, in seconds since 1970.
    public var createdAt: Double

    /// Creates a row.
    public init(key: String, verdict: JudgeVerdict, createdAt: Double) {
        self.key = key
        self.verdict = verdict
        self.createdAt = createdAt
    }
}
