/// Decides whether a final answer is mathematically equivalent to a ground truth.
///
/// Numbers in every usual spelling, expressions (symbolic equivalence by exact evaluation at
/// rational points, or in complex doubles when irrational), tuples, intervals, sets, matrices,
/// equations and inequalities. Pure, bounded, and safe to share between tasks.
public struct MathAnswerChecker: AnswerChecker {
    /// The relative tolerance used when a caller passes a negative or non-finite one.
    public static let defaultTolerance = 1e-6
    /// The most decimal places a `precision` may ask for; more is treated as this many.
    public static let maxPrecision = 30

    /// What `p\%` means.
    public enum PercentPolicy: String, Sendable, Hashable, CaseIterable {
        /// `p\%` is `p/100` only: `35\%` matches `0.35` and `\frac{7}{20}`, not `35` (the default).
        case fraction
        /// `p\%` is `p/100` or `p`: `35\%` also matches `35`, and `35` matches `35\%`.
        case either
    }

    /// Whether a one-variable inequality and the set it describes are one answer.
    public enum RelationSetPolicy: String, Sendable, Hashable, CaseIterable {
        /// `0 < t \le 5`, `t \in (0,5]` and `(0,5]` are one answer, either way round (the default).
        case equal
        /// A predicted inequality never matches a gold interval, set or membership, as Math-Verify
        /// keeps them (`allow_set_relation_comp=False`); a gold inequality still accepts the set it
        /// describes, and `x \in S` is still `S`.
        case apart
    }

    /// What `p\%` means for this checker.
    public let percent: PercentPolicy
    /// Whether a predicted inequality may match a gold set.
    public let setRelations: RelationSetPolicy

    /// Creates a checker with the given policies (`p\%` = `p/100`, inequalities equal their sets by default).
    public init(percent: PercentPolicy = .fraction, setRelations: RelationSetPolicy = .equal) {
        self.percent = percent
        self.setRelations = setRelations
    }

    /// Checks `answer` (the content of the final box) against `groundTruth`.
    public func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict {
        check(answer: answer, groundTruth: groundTruth, tolerance: tolerance, precision: nil)
    }

    /// Checks `answer` against `groundTruth`. Besides the relative `tolerance`, numbers that agree
    /// once both are rounded to `precision` decimal places (half away from zero) agree:
    /// `0.6667` matches `\frac{2}{3}` at 4. A nil or negative `precision` rounds nothing.
    public func check(answer: String, groundTruth: String, tolerance: Double, precision: Int?) -> AnswerVerdict {
        let gold = groundTruth.trimmed
        guard !gold.isEmpty else { return .wrong(.emptyGroundTruth) }
        let answer = answer.trimmed
        guard !answer.isEmpty else { return .wrong(.notEquivalent) }
        if answer == gold { return .correct }
        // Two plain integers (the usual answer) are equal or not: different integers never agree
        // within a tolerance or a precision, so parsing both would decide the same.
        let integers = (answer: Self.plainInteger(answer), gold: Self.plainInteger(gold))
        if let a = integers.answer, let g = integers.gold {
            return a == g ? .correct : .wrong(.notEquivalent)
        }
        let tolerance = tolerance.isFinite && tolerance >= 0 ? min(tolerance, 1) : Self.defaultTolerance
        let precision = precision.flatMap { $0 >= 0 ? min($0, Self.maxPrecision) : nil }
        // One pass over each side finds the rare spellings that need more than the usual work.
        let scans = (answer: SideScan(answer), gold: SideScan(gold))
        if scans.answer.choiceMark || scans.gold.choiceMark,
           let verdict = checkChoices(
               answer: answer, gold: gold, marked: (scans.answer.choiceMark, scans.gold.choiceMark),
               tolerance: tolerance, precision: precision) {
            return verdict
        }
        do {
            if try compare(answer, gold, scans, integers, tolerance: tolerance, precision: precision, percentIsUnit: false) {
                return .correct
            }
            if percent == .either, scans.answer.percent || scans.gold.percent,
               try compare(answer, gold, scans, integers, tolerance: tolerance, precision: precision, percentIsUnit: true) {
                return .correct
            }
            // `75 cents` is 75 against a gold counted in cents and 0.75 against one in dollars.
            if scans.answer.cents || scans.gold.cents,
               try compare(answer, gold, scans, integers, tolerance: tolerance, precision: precision, percentIsUnit: false,
                           centsAreDollars: true) {
                return .correct
            }
            return .wrong(.notEquivalent)
        } catch .tooComplex {
            return .wrong(.tooComplex)
        } catch .unparseable {
            return .wrong(.unparseable)
        } catch {
            return .wrong(.notEquivalent)
        }
    }

    private func compare(
        _ answer: String, _ gold: String, _ scans: (answer: SideScan, gold: SideScan),
        _ integers: (answer: Int?, gold: Int?), tolerance: Double, precision: Int?, percentIsUnit: Bool,
        centsAreDollars: Bool = false
    ) throws(MathFailure) -> Bool {
        // The ground truth's shape decides how a bare `3,75` in the answer reads: a decimal when the
        // ground truth writes decimal commas or is one decimal number (`3.75`: two numbers could
        // never match it), two numbers when it is a list.
        // A side already read as a plain integer is not read again.
        let (g, goldDecimalComma) = if let value = integers.gold {
            (Node.number(Rational(value)), false)
        } else {
            try Parser.parseNonInteger(gold, commas: .usual, percentIsUnit: percentIsUnit, centsAreDollars: centsAreDollars)
        }
        let goldPlaces = scans.gold.point ? Context.decimalPlaces(of: gold) : nil
        let commas: CommaReading = goldDecimalComma || goldPlaces != nil ? .decimal : g.severalItems ? .separator : .usual
        let p = if let value = integers.answer {
            Node.number(Rational(value))
        } else {
            try Parser.parseNonInteger(answer, commas: commas, percentIsUnit: percentIsUnit, centsAreDollars: centsAreDollars).node
        }
        var context = Context(tolerance: tolerance, texts: (gold, answer))
        context.precision = precision
        context.setRelations = setRelations
        // The rounding rule tightens the default tolerance; a looser one a rollout asks for stands alone.
        if tolerance <= Self.defaultTolerance {
            context.writtenPlaces = Context.writtenPlaces(goldPlaces, scans.answer.point ? Context.decimalPlaces(of: answer) : nil)
        }
        context.mayHavePlusMinus = scans.answer.plusMinus || scans.gold.plusMinus
        context.mayHaveMatrices = scans.answer.matrix || scans.gold.matrix
        return try context.equivalent(g, p)
    }

    /// The value of `-?[0-9]{1,18}` (leading zeros allowed, as the lexer reads them); nil for anything else.
    static func plainInteger(_ text: String) -> Int? { Parser.plainInteger(text, signed: true) }
}
