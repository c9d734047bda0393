/// The score of one rollout, as the API returns it.
public struct RewardResult: Sendable, Equatable {
    /// The rollout's id, echoed.
    public var id: RolloutID?
    /// The total reward in [0, 1], or nil when the rollout abstained or was invalid.
    public var reward: Double?
    /// 1 when the rollout counts as a success (``AccuracyRule``), 0 when not, nil when it abstained.
    public var accuracy: Double?
    /// Every component's value; nil for one that was skipped, failed or not needed.
    public var components: ComponentMap<Double> = [:]
    /// The decision the response's judge block named; nil when the rollout was invalid.
    public var decision: Decision?
    /// The final boxed answer the checkers compared.
    public var extractedAnswer: String?
    /// Components not evaluated, with a `SkipReason` raw value saying why.
    public var skipped: ComponentMap<String> = [:]
    /// Why a component scored below 1: a `FormatReason`, `AnswerReason` or `JudgmentReason` raw value.
    public var reasons: ComponentMap<String> = [:]
    /// The custom judged components' values by name; nil for one that was skipped or failed.
    public var customComponents: [String: Double] = [:]
    /// Custom components not evaluated, with a `SkipReason` raw value.
    public var customSkipped: [String: String] = [:]
    /// Why a custom component is below 1 (`judge_says_no`).
    public var customReasons: [String: String] = [:]
    /// Why the reward is nil.
    public var error: RewardError?
    /// What reading the rollout or request noticed; never changes the reward.
    public var warnings: [RewardWarning] = []
    /// The GRPO advantage within the rollout's group; nil for abstained rollouts or without a group.
    public var advantage: Double?
    /// The group the rollout belongs to.
    public var group: String?
    /// Verdict-cache hits for this rollout.
    public var cacheHits = 0
    /// Verdict-cache misses (judge calls made) for this rollout.
    public var cacheMisses = 0
    /// Judge tokens spent on this rollout (prompt plus completion).
    public var judgeTokens = 0
    /// The verdicts the score used, in the order they were had.
    public var verdicts: [VerdictRecord] = []
    /// Time spent scoring, in milliseconds.
    public var latencyMs: Double = 0

    /// Creates an empty result for `id`.
    public init(id: RolloutID?, group: String? = nil) {
        self.id = id
        self.group = group
    }

    /// A result that carries only an error, for a rollout that could not be read.
    public static func invalid(id: RolloutID?, error: RewardError, warnings: [RewardWarning] = []) -> RewardResult {
        var result = RewardResult(id: id)
        result.error = error
        result.warnings = warnings
        return result
    }
}
