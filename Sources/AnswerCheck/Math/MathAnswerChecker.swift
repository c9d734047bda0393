/// Decides whether a final answer is mathematically equivalent to a ground truth.
///
/// Numbers in every usual spelling, expressions (symbolic equivalence by exact evaluation at
/// rational points, or in complex doubles when irrational), tuples, intervals, sets, matrices,
/// equations and inequalities. Pure, bounded, and safe to share between tasks.
public struct MathAnswerChecker: AnswerChecker {
    /// The relative tolerance used when a caller passes a negative or non-finite one.
    public static let defaultTolerance = 1e-6

    /// Creates a checker.
    public init() {}

    /// Checks `answer` (the content of the final box) against `groundTruth`.
    public func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict {
        let gold = groundTruth.trimmed
        guard !gold.isEmpty else { return .wrong(.emptyGroundTruth) }
        let answer = answer.trimmed
        guard !answer.isEmpty else { return .wrong(.notEquivalent) }
        if answer == gold { return .correct }
        let tolerance = tolerance.isFinite && tolerance >= 0 ? min(tolerance, 1) : Self.defaultTolerance
        do {
            // The ground truth's shape decides how a bare `3,75` in the answer reads.
            let (g, goldDecimalComma) = try Parser.parse(gold, commas: .usual)
            let commas: CommaReading = goldDecimalComma ? .decimal : g.severalItems ? .separator : .usual
            let p = try Parser.parse(answer, commas: commas).node
            var context = Context(tolerance: tolerance, texts: (gold, answer))
            context.mayHavePlusMinus = Self.mentions(gold, answer, any: ["pm", "mp", "\u{B1}", "\u{2213}"])
            context.mayHaveMatrices = Self.mentions(gold, answer, any: ["begin"])
            return try context.equivalent(g, p) ? .correct : .wrong(.notEquivalent)
        } catch .tooComplex {
            return .wrong(.tooComplex)
        } catch .unparseable {
            return .wrong(.unparseable)
        } catch {
            return .wrong(.notEquivalent)
        }
    }

    /// Whether either text holds one of `needles`, by a plain byte search.
    static func mentions(_ a: String, _ b: String, any needles: [String]) -> Bool {
        for needle in needles {
            let n = Array(needle.utf8)
            for text in [a, b] where Phrases.contains(n, in: text.utf8) { return true }
        }
        return false
    }
}
