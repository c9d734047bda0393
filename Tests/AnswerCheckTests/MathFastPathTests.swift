import Testing

@testable import AnswerCheck

/// The shortcuts for plain integers decide exactly as the lexer, the grammar and the comparison would.
@Suite struct MathFastPathTests {
    @Test(arguments: ["0", "7", "007", "126", "1234", "2500", "999999999999999999"])
    func plainIntegerParsesAsTheGrammarDoes(_ text: String) throws {
        let fast = try Parser.parse(text, commas: .usual)
        let full = try Parser.parseTokens(text, commas: .usual)
        #expect(fast.node == full.node)
        #expect(fast.decimalComma == full.decimalComma)
    }

    @Test(arguments: ["", "-", "+5", "1,234", "12.5", "1e3", "3 ", "1234567890123456789"])
    func otherTextIsNoPlainInteger(_ text: String) {
        #expect(Parser.plainInteger(text) == nil)
    }

    @Test(arguments: [("126", "126", true), ("007", "7", true), ("-0", "0", true), ("126", "127", false), ("-5", "5", false)])
    func twoIntegersAgreeOnlyWhenEqual(_ answer: String, _ gold: String, _ correct: Bool) {
        let verdict = MathAnswerChecker().check(answer: answer, groundTruth: gold, tolerance: 1)
        #expect(verdict.isCorrect == correct)
        #expect(verdict.reason == (correct ? nil : .notEquivalent))
    }
}
