import Testing
@testable import AnswerCheck

/// Annotated values of issue 13: an exact value followed by its approximation.
@Suite("Math checker: annotated values")
struct MathAnnotationTests {
    let checker = MathAnswerChecker()

    /// (answer, ground truth) pairs that must be judged equivalent.
    static let equal: [(String, String)] = [
        // The exact values decide, on either side.
        ("\\frac{\\pi}{4}", "\\frac{\\pi}{4} \\approx 0.785"), ("\\frac{\\pi}{4} \\approx 0.785", "\\frac{\\pi}{4}"),
        ("\\frac{\\pi}{4} \\approx 0.79", "\\frac{\\pi}{4}"), ("\\frac{\\pi}{4}≈0.785", "\\dfrac{\\pi}{4}"),
        ("\\frac{\\pi}{4} \\approx 0.785", "\\frac{\\pi}{4} \\approx 0.7854"), ("\\sqrt{2} \\approx 1.4142", "\\sqrt{2}"),
        ("\\sqrt{12}", "2\\sqrt{3} \\approx 3.46"), ("e^2 \\approx 7.389", "e^{2}"),
        ("x = \\frac{1}{3} \\approx 0.33", "\\frac13"), ("\\frac{1}{3}", "x = \\frac{1}{3} \\approx 0.333"),
        // A decimal alone matches an annotated exact value written to at least as many places.
        ("0.785", "\\frac{\\pi}{4} \\approx 0.785"), ("0.7854", "\\frac{\\pi}{4} \\approx 0.785"),
        ("0.786", "\\frac{\\pi}{4} \\approx 0.785"), ("3.464", "2\\sqrt{3} \\approx 3.46"),
        ("-0.785", "-\\frac{\\pi}{4} \\approx -0.785"), ("0.33", "x = \\frac{1}{3} \\approx 0.33"),
        ("\\frac{\\pi}{4} \\approx 0.785", "0.785"), ("\\frac{\\pi}{4} \\approx 0.785", "0.79"),
        ("x = \\frac{\\pi}{4} \\approx 0.785", "0.785"), ("x=1/3\\approx1.3", "1/3"), ("\\frac{\\pi}{4} \\approx 0.5", "\\frac{\\pi}{4}"),
        ("1.2 \\times 10^{-5}", "\\frac{3}{250000} \\approx 1.2e-5"),
    ]

    /// Pairs that must be judged different.
    static let different: [(String, String)] = [
        // Fewer places than the annotation, or not the exact value rounded or cut.
        ("0.79", "\\frac{\\pi}{4} \\approx 0.785"), ("0.78", "\\frac{\\pi}{4} \\approx 0.785"),
        ("0.784", "\\frac{\\pi}{4} \\approx 0.785"), ("1", "\\frac{\\pi}{4} \\approx 0.785"),
        // A wrong exact value is wrong whatever its approximation.
        ("\\frac{1}{2} \\approx 0.785", "\\frac{\\pi}{4}"), ("\\frac{\\pi}{3} \\approx 1.047", "\\frac{\\pi}{4} \\approx 0.785"),
        ("\\frac{\\pi}{3}", "\\frac{\\pi}{4} \\approx 0.785"),
        // An approximation that is not its exact value's never matches on its own.
        ("\\frac{1}{2} \\approx 0.785", "0.785"), ("\\frac{\\pi}{4} \\approx 0.5", "0.5"),
        ("x = \\frac{1}{3} \\approx 1.3", "1.3"), ("0.5", "\\frac{\\pi}{4} \\approx 0.5"),
        // Without an annotation, an exact value and a decimal stay apart (3.14 is not \pi).
        ("0.785", "\\frac{\\pi}{4}"), ("\\frac{\\pi}{4}", "0.785"), ("\\frac{\\pi}{4} \\approx 0.785", "1"),
    ]

    @Test("annotated values compare by their exact value", arguments: equal)
    func equivalentAnnotations(pair: (String, String)) {
        #expect(checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6) == .correct)
    }

    @Test("wrong or inconsistent annotations", arguments: different)
    func differentAnnotations(pair: (String, String)) {
        #expect(!checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6).isCorrect)
    }
}
