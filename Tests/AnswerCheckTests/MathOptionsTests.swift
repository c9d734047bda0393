import Testing
@testable import AnswerCheck

/// The percent policy and the per-rollout precision (issue 13).
@Suite("Math checker: percent policy and precision")
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
}
