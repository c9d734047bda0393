import AnswerCheck

/// The formula presets of spec section 3.
public enum FormulaPreset: String, Sendable, Hashable, CaseIterable, Codable {
    /// `alpha * (judge * think * answer) + (1 - alpha) * format`.
    case sail
    /// `alpha * answer + (1 - alpha) * format`.
    case answerFormat = "answer_format"
    /// `answer`.
    case answer

    /// The preset's formula for `alpha`.
    public func formula(alpha: Double) -> Formula {
        switch self {
        case .sail: .sail(alpha: alpha)
        case .answerFormat: .answerFormat(alpha: alpha)
        case .answer: .answerOnly
        }
    }
}

/// Per-request scoring settings; every field left nil falls back to the server's defaults.
public struct RequestConfig: Sendable, Hashable {
    /// Weight of the product term in `sail` and `answer_format`.
    public var alpha: Double?
    /// A named preset.
    public var preset: FormulaPreset?
    /// A custom formula; wins over `preset`.
    public var formula: String?
    /// Skip judge calls whose verdict cannot change the reward.
    public var shortCircuit: Bool?
    /// How advantages are computed.
    public var advantage: AdvantageMode?
    /// Default relative tolerance for numeric answers.
    public var tolerance: Double?
    /// Words meaning think, replacing the defaults.
    public var thinkWords: [String]?
    /// Words meaning direct, replacing the defaults.
    public var directWords: [String]?
    /// The reward OpenRLHF receives for an abstained rollout.
    public var fallbackReward: Double?
    /// The layout of rollouts that name none.
    public var layout: Layout?
    /// Where the answer is looked for in rollouts that name no extraction.
    public var extraction: Extraction?
    /// What `p\%` means to the math checker.
    public var percent: MathAnswerChecker.PercentPolicy?
    /// Whether the math checker lets a predicted inequality match the set it describes.
    public var setRelations: MathAnswerChecker.RelationSetPolicy?
    /// Where `accuracy` is read from.
    public var accuracyFrom: AccuracyRule.Source?
    /// The value at or above which `accuracy` is 1.
    public var accuracyThreshold: Double?
    /// What each task name stands for; merged over the server's, name by name.
    public var tasks: [String: TaskProfile]?
    /// Judge tokens this request may spend; past it its rollouts abstain (`judge_budget_exhausted`).
    public var maxJudgeTokens: Int?
    /// Optional parts each result carries (`judge`: the verdicts' provenance), as `ResultPart` raw values.
    public var include: [String]?

    /// Creates an empty config.
    public init(
        alpha: Double? = nil, preset: FormulaPreset? = nil, formula: String? = nil, shortCircuit: Bool? = nil,
        advantage: AdvantageMode? = nil, tolerance: Double? = nil, thinkWords: [String]? = nil,
        directWords: [String]? = nil, fallbackReward: Double? = nil
    ) {
        self.alpha = alpha
        self.preset = preset
        self.formula = formula
        self.shortCircuit = shortCircuit
        self.advantage = advantage
        self.tolerance = tolerance
        self.thinkWords = thinkWords
        self.directWords = directWords
        self.fallbackReward = fallbackReward
    }

    /// The fields of `override` where set, else these.
    public func overlaid(with override: RequestConfig?) -> RequestConfig {
        guard let override else { return self }
        var merged = RequestConfig(
            alpha: override.alpha ?? alpha, preset: override.preset ?? preset,
            formula: override.formula ?? (override.preset == nil ? formula : nil),
            shortCircuit: override.shortCircuit ?? shortCircuit, advantage: override.advantage ?? advantage,
            tolerance: override.tolerance ?? tolerance, thinkWords: override.thinkWords ?? thinkWords,
            directWords: override.directWords ?? directWords, fallbackReward: override.fallbackReward ?? fallbackReward
        )
        merged.layout = override.layout ?? layout
        merged.extraction = override.extraction ?? extraction
        merged.percent = override.percent ?? percent
        merged.setRelations = override.setRelations ?? setRelations
        merged.accuracyFrom = override.accuracyFrom ?? accuracyFrom
        merged.accuracyThreshold = override.accuracyThreshold ?? accuracyThreshold
        merged.maxJudgeTokens = override.maxJudgeTokens ?? maxJudgeTokens
        merged.include = override.include ?? include
        merged.tasks = override.tasks.map { (tasks ?? [:]).merging($0) { _, new in new } } ?? tasks
        return merged
    }

    /// The scoring options this config asks for; a bad formula names the position of the problem. A formula
    /// may name the `custom` judged components the server declares.
    public func scoringOptions(fieldPrefix: String = "config.", custom: [CustomComponent] = []) throws(RewardError) -> ScoringOptions {
        let alpha = alpha ?? 0.9
        let formula: Formula
        if let source = self.formula {
            do {
                formula = try Formula.parse(source, custom: Set(custom.map(\.name)))
            } catch {
                throw RewardError(code: .invalidFormula, message: "formula: \(error.description)", field: fieldPrefix + "formula")
            }
        } else {
            formula = (preset ?? .sail).formula(alpha: alpha)
        }
        let standard = DecisionVocabulary.standard
        var options = ScoringOptions(
            formula: formula,
            shortCircuit: shortCircuit ?? true,
            advantage: advantage ?? .grpo,
            tolerance: tolerance ?? 1e-6,
            // The standard words are normalised already: most requests name none, and need no new sets.
            vocabulary: thinkWords == nil && directWords == nil
                ? standard : DecisionVocabulary(think: thinkWords ?? Array(standard.think), direct: directWords ?? Array(standard.direct))
        )
        options.layout = layout ?? .sail
        options.extraction = extraction ?? .boxed
        options.percent = percent ?? .fraction
        options.setRelations = setRelations ?? .equal
        options.accuracy = AccuracyRule(source: accuracyFrom ?? .answer, threshold: accuracyThreshold)
        options.tasks = tasks ?? [:]
        options.maxJudgeTokens = maxJudgeTokens
        options.customComponents = formula.customComponents.compactMap { name in custom.first { $0.name == name } }
        for word in include ?? [] {
            guard let part = ResultPart(rawValue: word) else {
                let known = ResultPart.allCases.map(\.rawValue).joined(separator: ", ")
                throw RewardError(code: .invalidValue, message: "include: '\(word)' is not one of \(known)", field: fieldPrefix + "include")
            }
            options.include.insert(part)
        }
        return options
    }
}
