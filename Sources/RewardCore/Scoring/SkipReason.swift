/// Why a component was not evaluated; the raw values are the API's `skipped` codes.
public enum SkipReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The decision is direct, so there is no reasoning to judge.
    case directDecision = "direct_decision"
    /// No LLM judge is configured to judge the reasoning.
    case noJudge = "no_judge"
    /// The rollout has no `requires_reasoning` label and no LLM judge is configured.
    case noLabelNoJudge = "no_label_no_judge"
    /// The reward was already fixed by other components, so the judge call was not made.
    case shortCircuit = "short_circuit"
    /// The formula does not use the component.
    case notInFormula = "not_in_formula"
    /// `judge`: the layout has no decision block (`r1`, `boxed`, `glm`).
    case noDecisionBlock = "no_decision_block"
    /// Thinking components: a layout without a decision block, and the response did not reason.
    case noReasoning = "no_reasoning"

    /// Whether the skipped component counts as 1 in the formula; otherwise the formula does not need it.
    public var countsAsOne: Bool {
        switch self {
        case .directDecision, .noJudge, .noLabelNoJudge, .noDecisionBlock, .noReasoning: true
        case .shortCircuit, .notInFormula: false
        }
    }
}
