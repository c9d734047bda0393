import Testing
@testable import AnswerCheck

/// Ground truths that are not a bare answer (issue 13): the answer is found in the ground truth
/// only; a response keeps its own extraction and guards.
@Suite("Math checker: ground truths around their answer")
struct MathGroundTruthTests {
    let checker = MathAnswerChecker()

    /// (ground truth as given, the answer found in it).
    static let extracted: [(String, String)] = [
        ("The final answer is \\[ \\boxed{\\frac{1}{2}} \\].", "\\frac{1}{2}"),
        ("The final answer is $\\boxed{7}$. I hope it is correct.", "7"),
        ("y \\in \\boxed{[1, 2)}", "[1, 2)"), ("x = \\boxed{5}", "5"), ("\\boxed{x = 5}", "x = 5"),
        ("\\boxed{3}\\boxed{5}", "3, 5"), ("\\boxed{3} and \\boxed{5}", "3, 5"), ("\\boxed{3}, \\boxed{5}.", "3, 5"),
        ("$\\frac{1}{2}$.", "\\frac{1}{2}"), ("$(1, 2)$,", "(1, 2)"), ("\\(x^2+1\\);", "x^2+1"), ("$$42$$ .", "42"),
        ("\\frac{1}{2}\\", "\\frac{1}{2}"), ("5 \\", "5"), ("\\boxed{5}\\", "5"), ("or $\\boxed{20}$ percent.", "20\\%"),
        // A last box never closed runs to the end of the text: trusted data, a lost `}` (corpus line 212).
        ("\\boxed{5", "5"), ("The answer is \\boxed{\\frac{1}{2}  ", "\\frac{1}{2}"),
        ("\\boxed{W(n) = 1 \\text{ and } W(n) = -1", "W(n) = 1 \\text{ and } W(n) = -1"),
        ("\\boxed{3} then \\boxed{x^{2}+1", "x^{2}+1"), ("\\boxed{\\boxed{5}", "5"),
        // A worked solution without a box: the answer after its last answer phrase.
        ("He sold 48 clips in April and half as many in May, 48 + 24 = 72.\n#### 72", "72"),
        ("First $2 \\cdot 3 = 6$. Final Answer: The final answer is $28 \\%$. I hope it is correct.", "28 \\%"),
        ("So the total is 12. The answer is 12.", "12"), ("Answer: 1,000", "1,000"), ("#### 3/4", "3/4"), ("#### 7", "7"), ("####7", "7"),
        ("The final answer is \\frac{1}{2}.", "\\frac{1}{2}"), ("We find $x = 3$, so the answer is $x = 3$.", "x = 3"),
        // Bare answers, and what has no answer to find, are left as they are: a solution without an
        // answer phrase, a text answer with numbers in it.
        ("We add 3 and 4 to get 7. Then we double it to get 14.", "We add 3 and 4 to get 7. Then we double it to get 14."),
        ("increasing on $(0, 1)$ and decreasing on $(1, 2)$", "increasing on $(0, 1)$ and decreasing on $(1, 2)$"),
        ("the empty set", "the empty set"), ("No", "No"), ("\\", ""), (" \\ ", ""), ("$", "$"), ("Answer", "Answer"),
        ("\\frac{1}{2}", "\\frac{1}{2}"), ("x^2+1", "x^2+1"), ("3,75", "3,75"), ("$5 and 6 dollars", "$5 and 6 dollars"),
        ("$1$ and $2$", "$1$ and $2$"), ("\\boxed{", "\\boxed{"), ("\\boxed{}", "\\boxed{}"),
        ("\\begin{pmatrix}1\\\\2\\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\end{pmatrix}"), ("1 \\\\", "1 \\\\"),
    ]

    @Test("finds the answer in a ground truth", arguments: extracted)
    func groundTruth(pair: (String, String)) {
        #expect(AnswerExtraction.groundTruth(pair.0) == pair.1)
    }

    /// (answer, ground truth as given) pairs judged equivalent once the ground truth's answer is found.
    static let equal: [(String, String)] = [
        ("\\frac12", "The final answer is \\[ \\boxed{\\frac{1}{2}} \\]."), ("[1,2)", "y \\in \\boxed{[1, 2)}"),
        ("y \\in [1,2)", "y \\in \\boxed{[1, 2)}"), ("5, 3", "\\boxed{3}\\boxed{5}"), ("\\{3, 5\\}", "\\boxed{3}\\boxed{5}"),
        ("0.5", "$\\frac{1}{2}$."), ("0.5", "\\frac{1}{2}\\"), ("(1,2)", "$(1, 2)$,"),
        ("\\frac{1}{2}", "The answer is \\boxed{0.5"), ("x^2+1", "\\boxed{1+x^{2}"), ("(1, 2)", "\\boxed{(1,2)"),
    ]

    /// Pairs that stay different.
    static let different: [(String, String)] = [
        ("3", "\\boxed{3}\\boxed{5}"), ("5", "\\boxed{3}\\boxed{5}"), ("3, 5, 7", "\\boxed{3}\\boxed{5}"),
        ("[1,2]", "y \\in \\boxed{[1, 2)}"), ("0.5", "The final answer is \\[ \\boxed{\\frac{1}{3}} \\]."),
        ("0.5", "The answer is \\boxed{\\frac{1}{3}"), ("(2, 1)", "\\boxed{(1,2)"),
    ]

    @Test("equivalent once the ground truth's answer is found", arguments: equal)
    func equivalent(pair: (String, String)) {
        let gold = AnswerExtraction.groundTruth(pair.1)
        #expect(checker.check(answer: pair.0, groundTruth: gold, tolerance: 1e-6) == .correct)
    }

    @Test("still different", arguments: different)
    func differentPairs(pair: (String, String)) {
        let gold = AnswerExtraction.groundTruth(pair.1)
        #expect(!checker.check(answer: pair.0, groundTruth: gold, tolerance: 1e-6).isCorrect)
    }

    /// A response's extraction is not the ground truth's: its unclosed last box is no answer, while
    /// the same text as a ground truth is read to its end.
    @Test("responses keep their own guards")
    func responsesKeepGuards() {
        for text in ["The answer is \\boxed{5", "\\boxed{3} and \\boxed{5", "\\boxed{5} \\boxed{5", "$\\boxed{\\frac{1}{2}$"] {
            #expect(AnswerExtraction.lenient(text) == nil, "\(text)")
        }
        #expect(AnswerExtraction.groundTruth("The answer is \\boxed{5") == "5")
    }
}
