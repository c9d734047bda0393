import Testing
@testable import AnswerCheck

/// The percent policy, the relation/set policy and the per-rollout precision (issue 13).
@Suite("Math checker: percent policy, relation/set policy and precision")
struct MathOptionsTests {
    /// (answer, ground truth, precision, expected verdict).
    static let precision: [(String, String, Int?, Bool)] = [
        ("0.6667", "\\frac{2}{3}", 4, true), ("0.6667", "\\frac{2}{3}", nil, false), ("0.667", "\\frac{2}{3}", 4, false),
        ("0.667", "2/3", 3, true), ("-0.6667", "-\\frac23", 4, true), ("0.6667", "-\\frac23", 4, false),
        ("3.14", "\\pi", 2, true), ("3.14", "\\pi", 3, false), ("3.1416", "\\pi", 4, true), ("1.41", "\\sqrt2", 2, true),
        ("(0.3333, 0.6667)", "(\\frac13, \\frac23)", 4, true), ("\\{0.33, 0.67\\}", "\\{\\frac23, \\frac13\\}", 2, true),
        ("2.5", "3", 0, true), ("2.4", "3", 0, false), ("2", "3", 0, false), ("0.6667", "2/3", -1, false),
        ("0.6667", "2/3", 1000, false), ("y = 2x", "y = 3x", 0, false), ("0.12345", "0.1234", 4, false),
    ]

    @Test("precision rounds both values to its decimal places", arguments: precision)
    func rounding(case: (String, String, Int?, Bool)) {
        let verdict = MathAnswerChecker().check(answer: `case`.0, groundTruth: `case`.1, tolerance: 1e-6, precision: `case`.2)
        #expect(verdict.isCorrect == `case`.3)
    }

    /// (answer, ground truth, correct by default (`p\%` = p/100), correct under `.either`).
    static let percent: [(String, String, Bool, Bool)] = [
        ("0.35", "35\\%", true, true), ("\\frac{7}{20}", "35\\%", true, true), ("35\\%", "0.35", true, true),
        ("35", "35\\%", false, true), ("35\\%", "35", false, true), ("35 percent", "35", false, true),
        ("35", "35 percent", false, true), ("35%", "35\\%", true, true),
        ("0.35\\%", "35\\%", false, false), ("3.5", "35\\%", false, false), ("0.35", "35", false, false),
        ("36", "35\\%", false, false),
    ]

    @Test("percent policy", arguments: percent)
    func percentPolicy(case: (String, String, Bool, Bool)) {
        let fraction = MathAnswerChecker().check(answer: `case`.0, groundTruth: `case`.1, tolerance: 1e-6)
        let either = MathAnswerChecker(percent: .either).check(answer: `case`.0, groundTruth: `case`.1, tolerance: 1e-6)
        #expect(fraction.isCorrect == `case`.2)
        #expect(either.isCorrect == `case`.3)
    }

    /// (answer, ground truth, correct by default (`.equal`), correct under `.apart`).
    static let setRelations: [(String, String, Bool, Bool)] = [
        // A predicted inequality against a gold interval, set or membership (corpus 476, 478, 546, 548).
        ("x \\ge 2", "[2,\\infty)", true, false), ("0<x<1", "(0,1)", true, false), ("x>3", "(3,\\infty)", true, false),
        ("-2 \\le x \\le 7", "x \\in [-2,7]", true, false), ("x \\ge 2", "x \\in [2, \\infty)", true, false),
        ("1 \\le |z| \\le \\frac32", "[-\\frac32,-1] \\cup [1,\\frac32]", true, false),
        ("x \\ge 2", "\\{2\\} \\cup (3, \\infty)", false, false), ("x \\ge 3", "(3,\\infty)", false, false),
        // A gold inequality still accepts the set it describes, and `x \\in S` is still `S`.
        ("[2,\\infty)", "x \\ge 2", true, true), ("(0,1)", "0<x<1", true, true), ("x \\in [-2,7]", "-2 \\le x \\le 7", true, true),
        ("[-\\frac32,-1] \\cup [1,\\frac32]", "1 \\le |z| \\le \\frac32", true, true),
        ("x \\in [-2,7]", "[-2,7]", true, true), ("[-2,7]", "x \\in [-2,7]", true, true),
        ("x \\in [-2,7]", "x \\in [-2,7]", true, true), ("x \\in [-2,7)", "x \\in [-2,7]", false, false),
        // Relations against relations and equations are not affected.
        ("3<x", "x>3", true, true), ("-x > -1", "x < 1", true, true), ("0 < t \\le 5", "0 < t \\le 5", true, true),
        ("x = 3", "3", true, true), ("3", "x = 3", true, true), ("x \\le 2", "[2,\\infty)", false, false),
    ]

    @Test("relation/set policy", arguments: setRelations)
    func relationSetPolicy(case: (String, String, Bool, Bool)) {
        let equal = MathAnswerChecker().check(answer: `case`.0, groundTruth: `case`.1, tolerance: 1e-6)
        let apart = MathAnswerChecker(setRelations: .apart).check(answer: `case`.0, groundTruth: `case`.1, tolerance: 1e-6)
        #expect(equal.isCorrect == `case`.2, "\(`case`.0) against \(`case`.1)")
        #expect(apart.isCorrect == `case`.3, "\(`case`.0) against \(`case`.1) under .apart")
    }
}
