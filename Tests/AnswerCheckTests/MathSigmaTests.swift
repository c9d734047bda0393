import Testing
@testable import AnswerCheck

/// Sums in sigma notation with symbolic bounds (issue 13): same bounds, same term.
@Suite("Math checker: sums with symbolic bounds")
struct MathSigmaTests {
    let checker = MathAnswerChecker()

    /// (answer, ground truth) pairs that must be judged equivalent.
    static let equal: [(String, String)] = [
        ("\\sum_{k=1}^{n} 2k", "\\sum_{k=1}^{n} k \\cdot 2"), ("\\sum_{k=0}^{n-1} F_{n-k-1} F_k", "\\sum_{k=0}^{n-1} F_k F_{n-k-1}"),
        ("F_n = \\sum_{k=0}^{n-1} F_{n-k-1} F_k", "F_n = \\sum_{k=0}^{n-1} F_k F_{n-k-1}"),
        ("\\sum_{i=1}^{m} (i+1)^2", "\\sum_{i=1}^{m} (i^2 + 2i + 1)"), ("\\sum_{k=1}^{n+1} a k", "\\sum_{k=1}^{1+n} k a"),
        ("\\sum_{k=1}^{10} k", "55"), ("\\sum_{j=1}^{n} 2j", "\\sum_{k=1}^{n} 2k"),
        // Products in pi notation, by the same rules.
        ("\\prod_{k=1}^{4} k", "24"), ("\\prod_{k=1}^{3} (k+1)", "24"), ("\\prod_{k=1}^{n} 2k", "\\prod_{k=1}^{n} k \\cdot 2"),
        ("\\prod_{j=1}^{n} (1 + \\frac{1}{j})", "\\prod_{k=1}^{n} \\frac{k+1}{k}"), ("\\prod_{k=1}^{5} 2", "32"),
    ]

    /// Pairs that must be judged different.
    static let different: [(String, String)] = [
        ("\\sum_{k=1}^{n} 2k", "\\sum_{k=0}^{n} 2k"), ("\\sum_{k=1}^{n} 2k", "\\sum_{k=1}^{n-1} 2k"),
        ("\\sum_{k=1}^{n} 3k", "\\sum_{k=1}^{n} 2k"), ("\\sum_{k=1}^{n} k^2", "\\sum_{k=1}^{n} k"),
        ("\\sum_{k=0}^{n-1} F_k F_{n-k}", "\\sum_{k=0}^{n-1} F_k F_{n-k-1}"), ("\\sum_{j=1}^{n} jk", "\\sum_{k=1}^{n} k^2"),
        ("\\prod_{k=1}^{n} k", "\\sum_{k=1}^{n} k"), ("\\prod_{k=1}^{4} k", "10"), ("\\prod_{k=1}^{n} 2k", "\\prod_{k=0}^{n} 2k"),
    ]

    @Test("equal sums", arguments: equal)
    func equalSums(pair: (String, String)) {
        #expect(checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6) == .correct)
    }

    @Test("different sums", arguments: different)
    func differentSums(pair: (String, String)) {
        #expect(!checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6).isCorrect)
    }
}
