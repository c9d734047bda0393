import AnswerCheck

/// How GRPO advantages are computed within a group.
public enum AdvantageMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// `(r - mean) / (std + 1e-6)` with the sample standard deviation, as TRL and verl compute it.
    case grpo
    /// `r - mean`, as Dr. GRPO proposes.
    case drgrpo
    /// No advantage in the results.
    case none
}

/// Everything that decides how a request is scored; resolved once per request.
public struct ScoringOptions: Sendable {
    /// How components combine into the reward.
    public var formula: Formula
    /// Skip judge calls whose verdict cannot change the reward.
    public var shortCircuit: Bool
    /// How advantages are computed within groups.
    public var advantage: AdvantageMode
    /// Relative tolerance for numeric answers when a rollout names none.
    public var tolerance: Double
    /// The words that name each decision.
    public var vocabulary: DecisionVocabulary
    /// The layout of rollouts that name none.
    public var layout: Layout = .sail
    /// Where the answer is looked for in rollouts that name no extraction.
    public var extraction: Extraction = .boxed
    /// What `p\%` means to the math checker.
    public var percent: MathAnswerChecker.PercentPolicy = .fraction
    /// Whether the math checker lets a predicted inequality match the set it describes.
    public var setRelations: MathAnswerChecker.RelationSetPolicy = .equal
    /// What a rollout's `accuracy` is read from.
    public var accuracy = AccuracyRule()
    /// What each task name stands for; a rollout's own fields win over its task's.
    public var tasks: [String: TaskProfile] = [:]
    /// Judge tokens one request (one `score` or `scoreBatch` call) may spend; nil for no cap.
    public var maxJudgeTokens: Int?
    /// Optional parts each result carries.
    public var include: Set<ResultPart> = []
    /// The custom judged components the formula names, in the formula's (sorted) order.
    public var customComponents: [CustomComponent] = []

    /// The answer type `rollout` is scored as: its own, else its task's (as scoring applies the task map).
    public func answerType(of rollout: Rollout) -> AnswerType {
        guard rollout.answerType == .auto, let task = rollout.task, let type = tasks[task]?.answerType else { return rollout.answerType }
        return type
    }

    /// Creates options; the defaults are the spec's.
    public init(
        formula: Formula = .sail(alpha: 0.9), shortCircuit: Bool = true, advantage: AdvantageMode = .grpo,
        tolerance: Double = 1e-6, vocabulary: DecisionVocabulary = .standard
    ) {
        self.formula = formula
        self.shortCircuit = shortCircuit
        self.advantage = advantage
        self.tolerance = tolerance
        self.vocabulary = vocabulary
    }
}
