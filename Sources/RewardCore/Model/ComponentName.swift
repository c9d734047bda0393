/// The reward's components, as named in results and in custom formulas.
public enum ComponentName: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// F: the response layout.
    case format
    /// A: the final answer against the ground truth.
    case answer
    /// J: the think/direct decision.
    case judge
    /// T: the mean of logic, grounding and consistency.
    case think
    /// Soundness of the reasoning.
    case logic
    /// No hallucination against image, text or world knowledge.
    case grounding
    /// The answer follows from the reasoning.
    case consistency

    /// Orders components as the spec lists them.
    public static func < (lhs: ComponentName, rhs: ComponentName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Every component in the spec's order, built once: `allCases` may build a new array per call.
    static let inSpecOrder = allCases

    /// The thinking components, judged by the LLM only when the decision is think.
    public static let thinking: [ComponentName] = [.think, .logic, .grounding, .consistency]
}
