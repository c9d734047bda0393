import Testing
@testable import AnswerCheck

@Suite("Math checker: numbers")
struct MathNumberTests {
    let checker = MathAnswerChecker()

    /// (answer, ground truth) pairs that must be judged equivalent.
    static let equal: [(String, String)] = [
        ("42", "42"), ("007", "7"), ("-5", "-5"), ("−3", "-3"), ("- 3", "-3"),
        ("0.5", "\\frac{1}{2}"), (".5", "0.5"), ("0.50", "0.5"), ("3", "3.0"), ("1000.00", "1000"),
        ("1/2", "\\frac{1}{2}"), ("\\dfrac{1}{2}", "\\frac12"), ("\\tfrac{2}{4}", "0.5"), ("\\cfrac{1}{2}", "1/2"),
        ("\\frac{-1}{2}", "-\\frac{1}{2}"), ("\\frac{1}{-2}", "-0.5"), ("2.5", "5/2"),
        ("1\\frac{1}{2}", "\\frac{3}{2}"), ("3\\frac12", "3.5"), ("-3\\frac{1}{2}", "-\\frac{7}{2}"),
        ("2 1/2", "\\frac{5}{2}"),
        ("50\\%", "0.5"), ("50%", "50\\%"), ("12.5\\%", "0.125"), ("28 percent", "28\\%"),
        ("1.5\\times10^{3}", "1500"), ("1.5 \\cdot 10^3", "1500"), ("1.5e3", "1500"), ("1.5E3", "1500"),
        ("10^{-3}", "0.001"), ("6.02e23", "6.02\\times10^{23}"), ("1e-3", "0.001"),
        ("7,425,000", "7425000"), ("1{,}000", "1000"), ("1\\,000", "1000"), ("1 000", "1000"),
        ("11,\\!111,\\!111,\\!100", "11111111100"), ("1,000.99", "1000.99"), ("0,111", "0.111"),
        ("1000,99", "1000.99"),
        ("0.333333", "\\frac{1}{3}"), ("0.5000004", "0.5"), ("\\frac{5000004}{10000000}", "\\frac12"), ("3.14159265358979", "\\pi"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        // Longer than a machine word: leading zeros, groups and fraction digits past the 18th.
        ("0000000000000000000123", "123"), ("1,234,567,890,123,456,789,012", "1234567890123456789012"),
        ("0.0000000000000000000001", "10^{-22}"), ("0.00000000000000000000015", "1.5\\times10^{-22}"),
        ("2^{10}", "1024"), ("10^6", "1000000"),
        ("30^\\circ", "30"), ("30°", "30"), ("5\\text{ cm}", "5"), ("\\$5", "5"), ("5 \\mbox{ cm}", "5"),
        ("5\\,\\mathrm{kg}", "5"), ("5 \\text{m}^2", "5"),
    ]

    /// Pairs that must be judged different.
    static let different: [(String, String)] = [
        ("-42", "42"), ("21", "12"), ("100.5", "100"), ("1000001", "1000000"), ("1000001", "1000000.0"),
        ("123456789012345678901234567891", "123456789012345678901234567890"),
        ("0.0000000000000000000001", "10^{-21}"), ("1,234,567,890,123,456,789,013", "1234567890123456789012"),
        ("0.500001", "0.5"), ("0.3333", "\\frac{1}{3}"), ("0.33", "\\frac{1}{3}"), ("3.14", "\\pi"),
        ("2e-7", "1e-7"), ("0.0000002", "0.0000001"), ("\\frac{1}{2^{98}}", "\\frac{1}{2^{99}}"),
        ("\\frac{1}{2006!}", "\\frac{1}{2004!}"), ("1.234", "1,234"),
        ("12.5", "12.5\\%"), ("10\\%", "10"), ("0.1", "10"), ("6.02 \\times 10^{22}", "6.02\\times10^{23}"),
        ("2", "\\frac{1}{2}"), ("\\frac{4}{3}", "\\frac{3}{4}"), ("\\frac{1}{2}x", "\\frac{1}{2}"),
        ("６", "6"),
    ]

    @Test("equivalent spellings of one number", arguments: equal)
    func equivalentNumbers(pair: (String, String)) {
        #expect(checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6) == .correct)
    }

    @Test("different numbers", arguments: different)
    func differentNumbers(pair: (String, String)) {
        #expect(!checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6).isCorrect)
    }

    @Test("the per-rollout tolerance widens and narrows the relative window")
    func tolerance() {
        #expect(checker.check(answer: "3.14", groundTruth: "\\pi", tolerance: 1e-3).isCorrect)
        #expect(!checker.check(answer: "0.5000004", groundTruth: "0.5", tolerance: 1e-8).isCorrect)
        #expect(checker.check(answer: "1.0000001e-30", groundTruth: "1e-30", tolerance: 1e-6).isCorrect)
    }

    @Test("reasons name what went wrong")
    func reasons() {
        #expect(checker.check(answer: "3", groundTruth: "  ", tolerance: 1e-6) == .wrong(.emptyGroundTruth))
        #expect(checker.check(answer: "4", groundTruth: "3", tolerance: 1e-6) == .wrong(.notEquivalent))
        #expect(checker.check(answer: "3 ?? 4", groundTruth: "3", tolerance: 1e-6) == .wrong(.unparseable))
        #expect(checker.check(answer: "5^{5^{5^{5^5}}}", groundTruth: "3", tolerance: 1e-6) == .wrong(.tooComplex))
    }
}
