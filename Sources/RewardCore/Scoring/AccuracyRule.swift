/// What a rollout's 0/1 `accuracy` is read from: a component or the reward, at or above a threshold.
/// Samplers and filters (MMR1, VADE, DAPO) key on it, not on the shaped reward.
public struct AccuracyRule: Sendable, Hashable {
    /// Where accuracy is read from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case answer, format, judge, think, logic, grounding, consistency
        /// The total reward.
        case reward

        /// The component, or nil for the reward.
        var component: ComponentName? { ComponentName(rawValue: rawValue) }
    }

    /// Where accuracy is read from (the answer component by default).
    public var source: Source = .answer
    /// The value at or above which the rollout is a success; nil takes the rollout's `answer_threshold`, else 0.5.
    public var threshold: Double?

    /// Creates a rule.
    public init(source: Source = .answer, threshold: Double? = nil) {
        self.source = source
        self.threshold = threshold
    }

    /// 1 or 0 for a scored rollout; nil when it abstained or the source was not evaluated.
    func accuracy(of result: RewardResult, answerThreshold: Double?) -> Double? {
        guard let reward = result.reward else { return nil }
        let value = source.component.map { result.components[$0] } ?? reward
        guard let value else { return nil }
        return value >= (threshold ?? answerThreshold ?? 0.5) ? 1 : 0
    }
}
