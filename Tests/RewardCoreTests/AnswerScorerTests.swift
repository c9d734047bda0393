import AnswerCheck
import Testing

@testable import RewardCore

@Suite("Answer component: checkers and reward-hacking guards")
struct AnswerScorerTests {
    let scorer = AnswerScorer()

    func score(_ answerSection: String, _ groundTruth: [String]?, type: AnswerType = .auto) -> AnswerOutcome {
        let response = "<judge>think</judge><think>work</think>" + answerSection
        let rollout = Rollout(response: response, groundTruths: groundTruth, answerType: type)
        return scorer.score(ResponseParser().parse(response), rollout: rollout, tolerance: 1e-6)
    }

    @Test(
        "rule checks",
        arguments: [
            ("\\boxed{7}", ["7"], AnswerType.auto, 1.0),
            ("\\boxed{8}", ["7"], .auto, 0),
            ("\\boxed{(B)}", ["B"], .auto, 1),
            ("\\boxed{\\textbf{(C)}}", ["B"], .auto, 0),
            ("\\boxed{b.}", ["B"], .choice, 1),
            ("\\boxed{\\text{New  York}}", ["new york"], .auto, 1),
            ("\\boxed{red}", ["Red."], .text, 1),
            ("\\boxed{blue}", ["red"], .text, 0),
            ("\\boxed{12}", ["11", "12"], .auto, 1),
            ("\\boxed{\\boxed{5}}", ["\\boxed{5}"], .auto, 1),
            ("\\boxed{\\frac{1}{2}}", ["0.5"], .auto, 1),
            ("\\boxed{1,000}", ["1000"], .auto, 1),
        ])
    func ruleChecks(section: String, truth: [String], type: AnswerType, expected: Double) {
        guard case .scored(let value, _) = score(section, truth, type: type) else {
            Issue.record("expected a rule verdict")
            return
        }
        #expect(value == expected)
    }

    @Test(
        "guards make the answer wrong with a reason",
        arguments: [
            ("\\boxed{3} hmm \\boxed{4", .unclosedLastBox),
            ("\\boxed{A} or \\boxed{B}", .conflictingBoxes),
            ("\\boxed{} \\boxed{7}", .emptyBox),
            ("\\boxed{A, B}", .severalOptions),
            ("\\boxed{A or B}", .severalOptions),
            ("\\boxed{AB}", .severalOptions),
            ("no box at all", .missingBoxed),
        ] as [(String, AnswerReason)])
    func guards(section: String, reason: AnswerReason) {
        let truth = section.contains("7") ? ["7"] : ["A"]
        #expect(score(section, truth) == .scored(0, reason: reason))
    }

    @Test("an empty ground truth never yields A = 1")
    func emptyGroundTruth() {
        #expect(score("\\boxed{x}", [""]) == .scored(0, reason: .emptyGroundTruth))
        #expect(score("\\boxed{ }", ["  "]) == .scored(0, reason: .emptyBox))
        #expect(score("\\boxed{a}", ["\\boxed{}"]) == .scored(0, reason: .emptyGroundTruth))
    }

    @Test("a ground truth around its answer is reduced to it; the response's boxes stay guarded")
    func groundTruthAroundItsAnswer() {
        #expect(score("\\boxed{\\frac12}", ["The final answer is \\[ \\boxed{\\frac{1}{2}} \\]."]) == .scored(1, reason: nil))
        #expect(score("\\boxed{3, 5}", ["\\boxed{3}\\boxed{5}"]) == .scored(1, reason: nil))
        #expect(score("\\boxed{[1,2)}", ["y \\in \\boxed{[1,2)}"]) == .scored(1, reason: nil))
        #expect(score("\\boxed{0.5}", ["$\\frac{1}{2}$."]) == .scored(1, reason: nil))
        #expect(score("\\boxed{3} \\boxed{5}", ["\\boxed{3}\\boxed{5}"]) == .scored(0, reason: .conflictingBoxes))
        // A ground truth's unclosed last box runs to the end; a response's is still no answer.
        #expect(score("\\boxed{\\frac12}", ["The answer is \\boxed{0.5"]) == .scored(1, reason: nil))
        #expect(score("\\boxed{\\frac12", ["The answer is \\boxed{0.5"]) == .scored(0, reason: .unclosedLastBox))
        // A raw GSM8K or Minerva solution as the ground truth: the answer it marks, not its last number.
        let gsm8k = "Natalia sold 48/2 = 24 clips in May.\nNatalia sold 48+24 = 72 clips altogether.\n#### 72"
        #expect(score("\\boxed{72}", [gsm8k]) == .scored(1, reason: nil))
        #expect(score("\\boxed{24}", [gsm8k]) == .scored(0, reason: .notEquivalent))
        let minerva = "It keeps $90\\% \\cdot 80\\% = 72\\%$. Final Answer: The final answer is $28\\%$. I hope it is correct."
        #expect(score("\\boxed{28\\%}", [minerva]) == .scored(1, reason: nil))
        #expect(score("\\boxed{72\\%}", [minerva]) == .scored(0, reason: .notEquivalent))
    }

    @Test("equivalent repeated boxes are not hedging")
    func repeatedBoxes() {
        #expect(score("\\boxed{7} so \\boxed{7}", ["7"]) == .scored(1, reason: nil))
    }

    @Test("open-ended and unlabelled answers need the answer judge")
    func needsJudge() {
        #expect(score("\\boxed{a cat}", ["a feline"], type: .judge) == .needsJudge(reference: "a feline"))
        #expect(score("\\boxed{a cat}", nil) == .needsJudge(reference: ""))
    }

    @Test(
        "auto picks the checker from the ground truth",
        arguments: [
            ("42", AnswerType.math), ("\\frac{1}{2}", .math), ("x^2+1", .math), ("B", .choice), ("(C)", .choice),
            ("red", .text), ("New York", .text), ("I", .choice), ("a", .text),
        ])
    func autoDetection(truth: String, expected: AnswerType) {
        #expect(AnswerType.detect(groundTruth: truth) == expected)
    }
}
