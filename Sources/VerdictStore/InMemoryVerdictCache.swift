import RewardCore

/// A verdict cache in a dictionary, for tests and for runs that need no persistence.
public actor InMemoryVerdictCache: VerdictCache {
    private var verdicts: [String: JudgeVerdict] = [:]

    /// Creates an empty cache.
    public init() {}

    /// The stored verdict for `key`, marked as coming from the cache.
    public func verdict(forKey key: String) -> JudgeVerdict? {
        guard var verdict = verdicts[key] else { return nil }
        verdict.fromCache = true
        return verdict
    }

    /// Stores `verdict` under `key`.
    public func store(_ verdict: JudgeVerdict, forKey key: String) {
        verdicts[key] = verdict
    }

    /// How many verdicts are stored.
    public var count: Int { verdicts.count }
}
