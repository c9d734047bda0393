import Testing
@testable import AnswerCheck

/// Hostile inputs on the paths issue 13 added: separators, decimal commas, annotations, ground-truth
/// extraction, precision, sums with symbolic bounds. Each must come back with a verdict, quickly.
@Suite("Math checker: adversarial inputs on the issue 13 paths")
struct MathIssue13AdversarialTests {
    let checker = MathAnswerChecker()

    /// Runs `body` and expects it to finish within two seconds (a debug build on a loaded machine).
    func bounded(_ label: String, _ body: () -> Void) {
        let elapsed = ContinuousClock().measure(body)
        #expect(elapsed < .seconds(2), "\(label) took \(elapsed)")
    }

    /// Sums with symbolic bounds take whole values of the bounds; a product of huge fractions there,
    /// or anywhere, is stopped by the step budget before its gcds, not after (a fuzzer input of this
    /// shape took 22 s under ASan before).
    @Test("products and sums of huge fractions stop at the step budget")
    func hugeFractions() {
        let hostile = [
            "\\prod_{k=1}^{n} 2k(2^{2005}+1)(3 A^{2006})",
            "\\prod_{k=1}^{n} \\frac{2^{2005}+k}{3^{1200}+k}",
            "\\frac{(2^{2005}+1)^{9}}{(3^{1000}+7)^{9}} \\cdot \\frac{(5^{1000}+3)^{8}}{(7^{900}+1)^{8}}",
            "\\left(\\frac{47}{13}\\right)^{5000} \\cdot \\left(\\frac{11}{17}\\right)^{4000}",
        ]
        for text in hostile {
            bounded(text) {
                #expect(!checker.check(answer: "0.506", groundTruth: text, tolerance: 1e-6).isCorrect)
                #expect(!checker.check(answer: text, groundTruth: "1", tolerance: 1e-6).isCorrect)
            }
        }
    }

    @Test("long runs of separators and decimal commas stay bounded")
    func separators() {
        bounded("thin-space groups") {
            let groups = "1" + String(repeating: "\\,000", count: 5_000)
            #expect(checker.check(answer: groups, groundTruth: "1", tolerance: 1e-6) == .wrong(.tooComplex))
        }
        bounded("braced commas") {
            let commas = String(repeating: "1{,}5", count: 3_000)
            #expect(!checker.check(answer: commas, groundTruth: "1.5", tolerance: 1e-6).isCorrect)
        }
        bounded("decimal commas under a decimal-comma gold") {
            let list = Array(repeating: "3,75", count: 1_000).joined(separator: "; ")
            #expect(!checker.check(answer: list, groundTruth: "3{,}75", tolerance: 1e-6).isCorrect)
        }
        bounded("a 4,000-digit decimal comma") {
            let digits = "0{,}" + String(repeating: "3", count: 3_990)
            #expect(checker.check(answer: digits, groundTruth: "\\frac13", tolerance: 1e-6).isCorrect)
        }
    }

    @Test("annotations with huge or many approximations stay bounded")
    func annotations() {
        bounded("a 3,000-place approximation") {
            let gold = "\\frac{\\pi}{4} \\approx 0." + String(repeating: "7", count: 3_000)
            #expect(!checker.check(answer: "0.785", groundTruth: gold, tolerance: 1e-6).isCorrect)
        }
        bounded("a chain of approximations") {
            let chain = "x = " + Array(repeating: "\\frac{\\pi}{4}", count: 300).joined(separator: " \\approx ") + " \\approx 0.785"
            _ = checker.check(answer: "0.785", groundTruth: chain, tolerance: 1e-6)
        }
    }

    @Test("ground-truth extraction of many boxes stays bounded")
    func groundTruths() {
        bounded("100,000 boxes") {
            let gold = AnswerExtraction.groundTruth(String(repeating: "\\boxed{1}", count: 100_000))
            #expect(checker.check(answer: "1", groundTruth: gold, tolerance: 1e-6) == .wrong(.tooComplex))
        }
        bounded("a megabyte of dollars") {
            _ = AnswerExtraction.groundTruth(String(repeating: "$1$.", count: 250_000))
        }
    }

    @Test("precision and percent policy stay bounded")
    func options() {
        bounded("precision on a huge rational") {
            // 1/2006! and 1/2004! both round to 0 at 30 places: a precision is the caller's choice.
            #expect(checker.check(answer: "\\frac{1}{2006!}", groundTruth: "\\frac{1}{2004!}", tolerance: 1e-6, precision: 30).isCorrect)
        }
        bounded("percent either on a long list") {
            let list = Array(repeating: "35\\%", count: 400).joined(separator: ", ")
            _ = MathAnswerChecker(percent: .either).check(answer: list, groundTruth: list + ", 1", tolerance: 1e-6)
        }
        bounded("nested sums with symbolic bounds") {
            var sum = "k"
            for _ in 0..<20 { sum = "\\sum_{k=1}^{n} (\(sum))" }
            _ = checker.check(answer: sum, groundTruth: sum + "+1", tolerance: 1e-6)
        }
    }
}
