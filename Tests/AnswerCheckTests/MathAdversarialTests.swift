import Testing
@testable import AnswerCheck

/// Hostile inputs: each must come back with a verdict (no crash, no stack overflow, no hang).
@Suite("Math checker: adversarial inputs")
struct MathAdversarialTests {
    let checker = MathAnswerChecker()

    @Test("100,000 nested braces are too complex, not a stack overflow")
    func nestedBraces() {
        let deep = String(repeating: "{", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(checker.check(answer: deep, groundTruth: "1", tolerance: 1e-6) == .wrong(.tooComplex))
        let parens = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(!checker.check(answer: "1", groundTruth: parens, tolerance: 1e-6).isCorrect)
        let boxes = String(repeating: "\\boxed{", count: 100_000) + "7" + String(repeating: "}", count: 100_000)
        #expect(AnswerExtraction.lenient(boxes) == "7")
    }

    @Test("towers of powers are refused instead of computed")
    func powerTower() {
        #expect(checker.check(answer: "5^{5^{5^{5^5}}}", groundTruth: "5", tolerance: 1e-6) == .wrong(.tooComplex))
        #expect(checker.check(answer: "9^{9^{9^9}}", groundTruth: "9^{9^{9^9}}", tolerance: 1e-6).isCorrect)
        #expect(!checker.check(answer: "2^{10^{9}}", groundTruth: "2^{10^{9}}+1", tolerance: 1e-6).isCorrect)
        #expect(!checker.check(answer: "10000000!", groundTruth: "1", tolerance: 1e-6).isCorrect)
    }

    @Test("a 1 MB answer is refused quickly")
    func megabyte() {
        let huge = String(repeating: "1+", count: 500_000) + "1"
        #expect(checker.check(answer: huge, groundTruth: "1000001", tolerance: 1e-6) == .wrong(.tooComplex))
        let prose = String(repeating: "we think that x = 3 and then ", count: 40_000)
        _ = AnswerExtraction.lenient(prose)
        let long = String(repeating: "1+", count: 2_000) + "1"
        #expect(checker.check(answer: long, groundTruth: "2001", tolerance: 1e-6) == .wrong(.tooComplex))
    }

    @Test("inputs the fuzzer found slow stay cheap")
    func fuzzerFindings() {
        let gold = "\\frac{1}{2004!}"
        #expect(!checker.check(answer: "\\bmxed{\\frac{1}{2006!}}", groundTruth: gold, tolerance: 1e-6).isCorrect)
        let item = "Z" + String(repeating: "Z", count: 33) + "=3,\\,-8,\\,-1,4"
        let list = "a=3," + Array(repeating: item, count: 20).joined(separator: ",")
        #expect(!checker.check(answer: list, groundTruth: list + ",7", tolerance: 1e-6).isCorrect)
        let sum = Array(repeating: "dddddddddddd/dddddddd/ddddTdddddd", count: 30).joined(separator: "+")
        #expect(checker.check(answer: sum + "+0", groundTruth: sum, tolerance: 1e-6).isCorrect)
        let word = "9" + String(repeating: String(repeating: "d", count: 120) + "E", count: 15)
        #expect(checker.check(answer: word, groundTruth: "9", tolerance: 1e-6) == .wrong(.tooComplex))
        let m = "\\begin{pmatrix}1&1\\\\1&0\\end{pmatrix}"
        let power = Array(repeating: m, count: 200).joined(separator: "\\cdot")
        #expect(!checker.check(answer: power, groundTruth: m, tolerance: 1e-6).isCorrect)
        let letters = "9" + String(repeating: "d", count: 123)
        #expect(checker.check(answer: letters, groundTruth: "$" + letters + " $", tolerance: 1e-6).isCorrect)
    }

    @Test("random bytes never crash the extractor or the checker")
    func randomBytes() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 64)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let text = String(decoding: bytes, as: UTF8.self)
            let extracted = AnswerExtraction.lenient(text) ?? text
            _ = checker.check(answer: extracted, groundTruth: "\\frac{1}{2}", tolerance: 1e-6)
            _ = checker.check(answer: "x+1", groundTruth: text, tolerance: 1e-6)
        }
        let alphabet = Array("0123456789+-*/^_{}()[]\\|,.=<>!x e i \\frac\\sqrt\\pi\\pm\\left\\right\\text\\boxed\\begin{pmatrix}&\\\\\\end".utf8)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 40)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = checker.check(answer: text, groundTruth: text + "+0", tolerance: 1e-6)
        }
    }

    @Test("division by zero and undefined values are wrong, not crashes")
    func undefinedValues() {
        #expect(!checker.check(answer: "\\frac{1}{0}", groundTruth: "1", tolerance: 1e-6).isCorrect)
        #expect(!checker.check(answer: "\\ln 0", groundTruth: "0", tolerance: 1e-6).isCorrect)
        #expect(!checker.check(answer: "0^{-1}", groundTruth: "0", tolerance: 1e-6).isCorrect)
        #expect(!checker.check(answer: "(-1)!", groundTruth: "1", tolerance: 1e-6).isCorrect)
        #expect(checker.check(answer: "3", groundTruth: "3", tolerance: .nan).isCorrect)
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
