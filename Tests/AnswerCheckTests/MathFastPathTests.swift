import Testing

@testable import AnswerCheck

/// The shortcuts for plain numbers decide exactly as the lexer, the grammar and the comparison would.
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

    /// Plain numbers of every shape the shortcut reads, and their neighbours it must leave alone.
    static let simple = [
        "-3", "0.5", "-0.5", "-0.05", "12.250", "007.5", "3/4", "-3/4", "10/5", "\\frac{1}{2}", "\\dfrac{-3}{4}",
        "\\tfrac{3}{-4}", "\\frac{6}{8}", "\\frac{0}{7}", "-123456789012345678", "12345678.1234567891",
        "999999999999999999/7", "\\frac{-999999999999999999}{999999999999999998}",
    ]

    @Test("a plain number has the value the full parse gives it", arguments: simple)
    func simpleNumberHasTheGrammarsValue(_ text: String) throws {
        let value = try #require(Parser.simpleNumber(text), "\(text)")
        var context = Context(tolerance: 0)
        let full = try #require(try context.exact(Parser.parseTokens(text, commas: .usual).node))
        #expect(value == full, "\(text)")
    }

    @Test("anything else takes the full parse", arguments: [
        "", "-", ".5", "5.", "1.2.3", "1,5", "1/0", "\\frac{1}{0}", "\\frac12", "\\frac{1}{2}3", "\\frac{1}{2}}",
        "1 /2", "1/-2", "--1", "1e3", "12.5\\%", "\\frac{x}{2}", "1234567890123456789", "0.1234567890123456789",
        "\\sqrt{2}", "\\frac{1}{2", "3/4/5",
    ])
    func otherTextIsNoSimpleNumber(_ text: String) {
        #expect(Parser.simpleNumber(text) == nil, "\(text)")
    }
}
