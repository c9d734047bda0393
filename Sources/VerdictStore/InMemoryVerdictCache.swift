import RewardCore

/// A verdict cache in a dictionary, for tests and for runs that need no persistence. It keeps claims too,
/// so several judges handed one instance behave like replicas sharing a PostgreSQL cache.
public actor InMemoryVerdictCache: SharedVerdictCache {
    private var verdicts: [String: JudgeVerdict] = [:]
    private var claims: [String: (owner: String, expires: ContinuousClock.Instant)] = [:]

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

    /// Claims `key` for `owner` unless a verdict is stored or another owner's claim is live.
    public func claim(key: String, owner: String, lease: Duration) -> Bool {
        guard verdicts[key] == nil else { return false }
        let now = ContinuousClock.now
        if let held = claims[key], held.owner != owner, held.expires > now { return false }
        claims[key] = (owner, now + lease)
        return true
    }

    /// Ends `owner`'s claim on `key`.
    public func release(key: String, owner: String) {
        if claims[key]?.owner == owner { claims[key] = nil }
    }

    /// Stores `verdict` unless one is stored, ends `owner`'s claim, and returns the stored verdict.
    public func storeFirst(_ verdict: JudgeVerdict, forKey key: String, owner: String) -> JudgeVerdict {
        release(key: key, owner: owner)
        if let stored = self.verdict(forKey: key) { return stored }
        verdicts[key] = verdict
        return verdict
    }

    /// How many live claims there are.
    public var claimCount: Int {
        let now = ContinuousClock.now
        return claims.values.filter { $0.expires > now }.count
    }

    /// How many verdicts are stored.
    public var count: Int { verdicts.count }
}
