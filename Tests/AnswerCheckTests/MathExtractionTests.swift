import Testing
@testable import AnswerCheck

@Suite("Lenient answer extraction")
struct MathExtractionTests {
    /// (text, extracted answer) pairs; nil when there is no answer.
    static let cases: [(String, String?)] = [
        ("So we get \\boxed{\\frac{1}{2}}.", "\\frac{1}{2}"),
        ("First \\boxed{1}, but wait, that is wrong. After rechecking, the answer is \\boxed{2}.", "2"),
        ("The integers are \\boxed{-2} and \\boxed{1}.", "-2, 1"),
        ("\\boxed{1} no no no no no \\boxed{2}", "2"),
        ("\\boxed{\\boxed{7}}", "7"),
        ("The answer is \\boxed 5", "5"),
        ("The answer is \\boxed{5", nil),
        ("The answer is \\boxed{}. It is 5.", "5"),
        ("We have \\boxed{3} as an intermediate value. Final answer: 4", "3"),
        ("\\boxed{255} so the total is 10,455. The final answer is $10,455$. I hope it is correct.", "10,455"),
        ("Final Answer: The largest $n$ is 34.", "34"),
        ("The final answer is \\((-6, 10)\\). I hope it is correct.", "(-6, 10)"),
        // Inside the last closed <answer> block only; a `<` elsewhere (an inequality) is no block.
        ("<think>x < 3, so 2</think><answer>The answer is 7</answer>", "7"), ("<answer>3</answer> then 5", "3"),
        ("Since 1 < 2 and 2 < 3, the answer is $\\frac{1}{2}$.", "\\frac{1}{2}"),
        // A Minerva span that holds the last box is that box; one after the box restates the answer.
        ("Therefore, the final answer is $\\boxed{50\\%}$.", "50\\%"), ("The final answer is $x = \\boxed{5}$.", "5"),
        ("First \\boxed{3}. Rechecking, the final answer is $4$.", "4"), ("The final answer is $\\boxed{\\frac{1}{2}}$ percent", "\\frac{1}{2}\\%"),
        ("Thus, the number is **73**.\n\nFinal Answer: **73**", "73"),
        ("Answer \\[ 9 \\]", "9"),
        ("Answer $ \\frac{1}{2} \\$ = \\frac{10}{9} $", "\\frac{1}{2} \\$ = \\frac{10}{9}"),
        ("$28$ %", "28\\%"),
        ("\\frac{10}{9}", "\\frac{10}{9}"),
        ("so we have 2 apples and 4 oranges", "4"),
        ("Therefore the probability that Alice wins is 2/3. <|im_start|>user", "2/3"),
        ("Soucis : 2,74 $ a..", "2.74"),
        ("AZYUK2A", "AZYUK2A"),
        ("I do not know the value.", nil),
    ]

    @Test("finds the final answer", arguments: cases)
    func extraction(pair: (String, String?)) {
        #expect(AnswerExtraction.lenient(pair.0) == pair.1)
    }
}
