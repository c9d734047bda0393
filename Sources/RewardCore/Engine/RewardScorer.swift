/// Anything that scores a batch of rollouts: the engine in process, or a running service over HTTP.
/// The trainer and tools that can use either hold `any RewardScorer`.
public protocol RewardScorer: Sendable {
    /// Scores `rollouts` with `config` over the scorer's defaults; results come back in input order.
    func score(_ rollouts: [Rollout], config: RequestConfig) async throws -> BatchResult
}

extension RewardEngine: RewardScorer {
    /// Scores in process with the spec's defaults overlaid by `config`; a bad config throws its `RewardError`.
    public func score(_ rollouts: [Rollout], config: RequestConfig) async throws -> BatchResult {
        let options = try config.scoringOptions()
        return await scoreBatch(rollouts, options: options)
    }
}
