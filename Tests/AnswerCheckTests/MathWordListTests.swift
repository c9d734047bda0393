import Testing
@testable import AnswerCheck

/// Issue 13, item 4: solution sets written in words or lists. The ground truth's shape decides: a
/// ground truth of several solutions accepts the same set in any spelling; a single-answer ground
/// truth keeps the hedging guard, so alternatives joined by "or" stay wrong.
@Suite("Math checker: solution sets in words and lists")
struct MathWordListTests {
    let checker = MathAnswerChecker()

    /// (prediction, ground truth) pairs naming the same set of solutions.
    static let sameSetPairs: [(String, String)] = [
        // Words between values, with and without \text.
        ("4 and 9", "4, 9"), ("9 and 4", "\\{4, 9\\}"), ("4, 9", "4 \\text{ and } 9"), ("-1 and 6", "6, -1"),
        ("4 \\text{ or } 9", "4, 9"), ("4 or 9", "\\{9,4\\}"), ("\\text{4 and 9}", "4,9"),
        // Equations in one variable joined by words.
        ("a=2 \\text{ and } a=\\frac{7}{3}", "2, \\frac{7}{3}"), ("a=\\frac{7}{3} \\text{ and } a=2", "a=2, a=\\frac73"),
        ("t=1 \\text{ or } t=-4", "t=-4, t=1"), ("t=1 or t=-4", "1, -4"), ("t = -4 \\quad \\text{or} \\quad t = 1", "\\{1, -4\\}"),
        ("x=-2 \\text{ or } x=3", "x \\in \\{-2, 3\\}"),
        // Several unknowns per solution, solutions separated by ";" or words.
        ("x=3,y=1;x=-3,y=1", "(3,1),(-3,1)"), ("(-3,1),(3,1)", "x=3,y=1;x=-3,y=1"),
        ("(3,1) \\text{ and } (-3,1)", "x=3,y=1;x=-3,y=1"), ("x=-3,y=1;x=3,y=1", "x=3,y=1;x=-3,y=1"),
        // Mixed numbers and expressions.
        ("\\sqrt{2} \\text{ and } -\\sqrt{2}", "\\pm\\sqrt{2}"), ("1+\\sqrt{3}, 1-\\sqrt{3}", "1 \\pm \\sqrt{3}"),
    ]

    /// Pairs that differ: a missing or extra solution, a wrong one, or a hedge against one answer.
    static let differentPairs: [(String, String)] = [
        // The set must match as a whole.
        ("4 and 9", "4, 9, 16"), ("4 and 16", "4, 9"), ("4", "4 \\text{ and } 9"), ("4 and 9 and 16", "4, 9"),
        ("t=1 \\text{ or } t=4", "t=-4, t=1"), ("a=2", "a=2 \\text{ and } a=\\frac{7}{3}"),
        ("x=3,y=1", "x=3,y=1;x=-3,y=1"), ("x=3,y=-1;x=-3,y=1", "x=3,y=1;x=-3,y=1"),
        // A single-answer ground truth: alternatives are a hedge, whichever word joins them.
        ("3 or 5", "3"), ("5 or 3", "3"), ("x=3 \\text{ or } x=5", "x=3"), ("3 \\text{ or } 5", "3"),
        ("3 and 5", "3"), ("3, 5", "3"), ("\\{3, 5\\}", "3"), ("x=3, x=5", "x=3"),
    ]

    @Test("the same solution set in words, lists and equations", arguments: sameSetPairs)
    func sameSet(pair: (String, String)) {
        #expect(checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6) == .correct)
    }

    @Test("missing, extra or hedged solutions stay wrong", arguments: differentPairs)
    func differentSets(pair: (String, String)) {
        #expect(!checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6).isCorrect)
    }

    @Test("the relation is symmetric for word lists: either side may be the words")
    func symmetric() {
        for (prediction, truth) in Self.sameSetPairs where !truth.contains("\\pm") {
            #expect(checker.check(answer: truth, groundTruth: prediction, tolerance: 1e-6) == .correct, "\(truth) vs \(prediction)")
        }
    }
}
