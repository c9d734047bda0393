import BigInt
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
    /// shape took 22 s under ASan before). Checked by the budget, not the clock: near the end of the
    /// budget an operation on two large values must refuse to run, where it used to run and be
    /// charged afterwards.
    @Test("products and sums of huge fractions stop at the step budget before they run")
    func hugeFractions() throws {
        let huge = try Rational(BigInt(2).power(3_000) + 1, BigInt(3).power(1_900) + 7)
        for node in [Node.mul(.number(huge), .number(huge)), .add(.number(huge), .number(huge)), .div(.number(huge), .number(huge))] {
            var context = Context(tolerance: 1e-6)
            context.steps = Limits.maxSteps - Context.cost(words: 2 * huge.bigWords) / 2
            #expect(throws: MathFailure.tooComplex) { try context.exact(node) }
        }
        var context = Context(tolerance: 1e-6)
        context.bindings["n"] = Rational(3)
        context.steps = Limits.maxSteps - Context.cost(words: 2 * huge.bigWords) / 2
        let product = Node.sum(variable: "k", lower: .number(.one), upper: .symbol("n"), body: .number(huge), product: true)
        #expect(throws: MathFailure.tooComplex) { try context.exact(product) }
        // The fuzzer's input still comes back with a verdict.
        #expect(!checker.check(answer: "0.506", groundTruth: "\\prod_{k=1}^{n} 2k(2^{2005}+1)(3 A^{2006})", tolerance: 1e-6).isCorrect)
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
