/// Why the judge or a thinking component is 0 when no format reason says why already.
public enum JudgmentReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The decision does not match the rollout's `requires_reasoning` label.
    case wrongDecision = "wrong_decision"
    /// The LLM think-judge said the decision is wrong for the question.
    case judgeSaysWrongDecision = "judge_says_wrong_decision"
    /// An LLM judge found the reasoning unsound (logic, grounding or consistency).
    case judgeSaysUnsound = "judge_says_unsound"
    /// The judge of a custom component answered FALSE, or below 10 on its scale.
    case judgeSaysNo = "judge_says_no"
}
