import AnswerCheck
import Testing

@Suite("Choice and text checkers")
struct ChoiceAndTextTests {
    @Test(
        "option letters in any dress",
        arguments: [
            ("B", "B", true), ("(B)", "B", true), ("B.", "B", true), ("\\text{B}", "B", true), ("\\textbf{(B)}", "B", true),
            ("b", "B", true), ("(B) 42", "B", true), ("B: Paris", "B", true), ("Option B", "B", true), ("$B$", "B", true),
            ("C", "B", false), ("(C) 42", "B", false), ("Paris", "B", false), ("", "B", false),
        ])
    func choice(answer: String, truth: String, correct: Bool) {
        #expect(ChoiceAnswerChecker().check(answer: answer, groundTruth: truth, tolerance: 0).isCorrect == correct)
    }

    @Test("several options in one box are refused", arguments: ["A, B", "A or B", "AB", "A/B", "(A) (B)", "A and C", "(A) 3 or (B) 4"])
    func severalOptions(answer: String) {
        let verdict = ChoiceAnswerChecker().check(answer: answer, groundTruth: "A", tolerance: 0)
        #expect(verdict == .wrong(.severalOptions))
    }

    @Test(
        "text equality is case-folded and whitespace- and \\text-normalised",
        arguments: [
            ("New York", "new  york", true), ("\\text{Red}", "red", true), ("red.", "Red", true), ("\\textbf{ blue }", "blue", true),
            ("red", "blue", false), ("", "", false), ("x", "  ", false),
        ])
    func text(answer: String, truth: String, correct: Bool) {
        #expect(TextAnswerChecker().check(answer: answer, groundTruth: truth, tolerance: 0).isCorrect == correct)
    }

    @Test("unwrapping survives unclosed and nested wrappers")
    func unwrapping() {
        #expect(LatexText.unwrapTextCommands("\\text{a \\textbf{b}} c") == "a b c")
        #expect(LatexText.unwrapTextCommands("\\text{never closed") == "\\text{never closed")
    }
}
