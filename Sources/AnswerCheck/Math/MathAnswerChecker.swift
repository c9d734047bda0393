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
        guard !gold.isEmpty else { return .wrong("empty_ground_truth") }
        let answer = answer.trimmed
        guard !answer.isEmpty else { return .wrong("not_equivalent") }
        if answer == gold { return .correct }
        let tolerance = tolerance.isFinite && tolerance >= 0 ? min(tolerance, 1) : Self.defaultTolerance
        do {
            let g = try Parser.parse(gold)
            let p = try Parser.parse(answer)
            var context = Context(tolerance: tolerance, seed: Points.hash(answer, into: Points.hash(gold)))
            context.mayHavePlusMinus = [gold, answer].contains { $0.contains("pm") || $0.contains("±") }
            context.mayHaveMatrices = [gold, answer].contains { $0.contains("begin") }
            return try context.equivalent(g, p) ? .correct : .wrong("not_equivalent")
        } catch .tooComplex {
            return .wrong("too_complex")
        } catch .unparseable {
            return .wrong("unparseable")
        } catch {
            return .wrong("not_equivalent")
        }
    }
}
