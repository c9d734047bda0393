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
    static let inSpecOrder = (0..<specOrderCount).map(inSpecOrder)

    /// How many components there are.
    @inlinable static var specOrderCount: Int { 7 }

    /// The component at `position` (0 to 6) of the spec's order, without touching an array: `ComponentMap`'s
    /// iterator, specialized in other modules, walks the order with this.
    @inlinable static func inSpecOrder(_ position: Int) -> ComponentName {
        switch position {
        case 0: .format
        case 1: .answer
        case 2: .judge
        case 3: .think
        case 4: .logic
        case 5: .grounding
        default: .consistency
        }
    }

    /// The thinking components, judged by the LLM only when the decision is think.
    public static let thinking: [ComponentName] = [.think, .logic, .grounding, .consistency]
}
