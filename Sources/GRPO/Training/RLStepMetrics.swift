/// Metrics of one RL step, one JSONL line; equal for equal seeds except `timing`.
public struct RLStepMetrics: Sendable, Codable, Equatable {
    /// Stage name, `rl`.
    public var stage = "rl"
    /// Step number, from 1.
    public var step: Int
    /// Mean reward over every scored rollout of the step (kept or dropped).
    public var reward: Double
    /// Mean of each component over rollouts where it was evaluated.
    public var components: [String: Double]
    /// Share of rollouts whose decision matched the label (mean `judge`).
    public var judgeAccuracy: Double
    /// Share with the right final answer (mean `answer`).
    public var answerAccuracy: Double
    /// Share in the exact SAIL-RL layout (mean `format`).
    public var formatRate: Double
    /// Share that chose to think.
    public var thinkRate: Double
    /// Mean response length in tokens.
    public var responseLength: Double
    /// Share of trained tokens whose ratio was clipped.
    public var clipFraction: Double
    /// Mean per-token entropy of the sampling distribution.
    public var entropy: Double
    /// Mean k3 KL to the reference policy (0 without one).
    public var kl: Double
    /// Policy loss of the last update.
    public var loss: Double
    /// Gradient norm of the last update, before clipping.
    public var gradNorm: Double
    /// Learning rate used.
    public var learningRate: Double
    /// Groups trained on.
    public var groupsKept: Int
    /// Degenerate groups dropped by dynamic sampling.
    public var groupsDropped: Int
    /// Generation rounds this step took.
    public var genBatches: Int
    /// Rollouts the service abstained on (left out of their group).
    public var abstained: Int
    /// Responses cut at `max_completion_length`.
    public var truncated: Int
    /// Tokens run through the sampler (prompts and responses of every round).
    public var sampledTokens: Int
    /// Padded token positions run through forward and backward in the updates.
    public var trainedTokens: Int
    /// Wall-clock figures.
    public var timing: Timing
}
