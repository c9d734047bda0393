import AnswerCheck
import Testing

@testable import RewardCore

@Suite("Layouts: r1, boxed and glm parse, format reasons and scoring")
struct LayoutTests {
    let parser = ResponseParser()

    @Test(
        "well-formed responses of each layout pass the format check and give their answer",
        arguments: [
            (Layout.r1, "<think>2+2=4</think>\n<answer>4</answer>", "4", true),
            (.r1, "  <think>\n</think><answer> \\boxed{\\frac12} is it </answer>\n", "\\frac12", false),
            (.boxed, "Two plus two is four, so \\boxed{4}", "4", false),
            (.boxed, "<think>2+2</think> so \\boxed{4}.", "4", true),
            (.boxed, "the template opened it: 2+2=4</think>\\boxed{4}", "4", true),
            (.glm, "<think>count them</think><answer>There are <|begin_of_box|>7<|end_of_box|> cats</answer>", "7", true),
        ])
    func wellFormed(layout: Layout, response: String, answer: String, reasons: Bool) {
        let parsed = parser.parse(response, layout: layout)
        #expect(parsed.formatReasons == [], "\(response)")
        #expect(parsed.finalAnswer == answer)
        #expect(!parsed.hasDecisionBlock)
        #expect(parsed.decision == (reasons ? .think : .direct))
    }

    @Test(
        "each format failure carries its reason",
        arguments: [
            (Layout.r1, "<answer>4</answer>", FormatReason.missingThink),
            (.r1, "<think>a</think> 4", .missingAnswer),
            (.r1, "<think>a</think><answer>4", .unclosedAnswer),
            (.r1, "<think>a</think><answer>4</answer><answer>5</answer>", .duplicateAnswer),
            (.r1, "<think>a</think><answer>  </answer>", .emptyAnswer),
            (.r1, "<think>a</think><answer>4</answer> done!", .textAfterAnswer),
            (.r1, "Sure. <think>a</think><answer>4</answer>", .textBeforeThink),
            (.r1, "<think>a</think> hence <answer>4</answer>", .textBetweenBlocks),
            (.r1, "<answer>4</answer><think>a</think>", .order),
            (.r1, "<think>a</think><answer>4</answer></think>", .strayTag),
            (.r1, "<judge>think</judge><think>a</think><answer>4</answer>", .strayTag),
            (.r1, "<think>a<think>b</think><answer>4</answer>", .duplicateThink),
            (.r1, "<think>a <answer>4</answer>", .unclosedThink),
            (.boxed, "so the answer is 4", .missingBoxed),
            (.boxed, "<think>a</think>\\boxed{4", .unbalancedBoxed),
            (.boxed, "<think>a</think><answer>\\boxed{4}</answer>", .strayTag),
            (.glm, "<think>a</think><answer>7</answer>", .missingBoxMarkers),
        ])
    func failures(layout: Layout, response: String, reason: FormatReason) {
        #expect(parser.parse(response, layout: layout).formatReasons.contains(reason), "\(response)")
    }

    @Test("SAIL still ignores <answer> tags in its answer section")
    func sailIgnoresAnswerTags() {
        let parsed = parser.parse("<judge>think</judge><think>a</think><answer>\\boxed{4}</answer>")
        #expect(parsed.formatReasons == [])
        #expect(parsed.finalAnswer == "4")
    }

    func rollout(_ response: String, layout: Layout?, truth: String = "4") -> Rollout {
        var rollout = Rollout(response: response, groundTruths: [truth], requiresReasoning: true)
        rollout.layout = layout
        return rollout
    }

    @Test("without a decision block the judge component is skipped and counts as 1")
    func judgeSkipped() {
        let result = RewardEngine().scoreWithRules(rollout("<think>2+2=4</think><answer>4</answer>", layout: .r1), options: ScoringOptions())
        #expect(result.reward == 1)
        #expect(result.skipped[.judge] == SkipReason.noDecisionBlock.rawValue)
        #expect(result.decision == nil)
        #expect(result.components[.answer] == 1)
    }

    @Test("a plain boxed answer without reasoning skips thinking as no_reasoning")
    func boxedWithoutReasoning() {
        let result = RewardEngine().scoreWithRules(rollout("\\boxed{4}", layout: .boxed), options: ScoringOptions())
        #expect(result.reward == 1)
        #expect(result.skipped[.think] == SkipReason.noReasoning.rawValue)
    }

    @Test("a missing or unclosed answer block scores the answer 0 with its reason, never a fallback")
    func missingAnswer() {
        let engine = RewardEngine()
        let missing = engine.scoreWithRules(rollout("<think>4</think> 4", layout: .r1), options: ScoringOptions())
        #expect(missing.components[.answer] == 0)
        #expect(missing.reasons[.answer] == AnswerReason.missingAnswer.rawValue)
        #expect(missing.reward == 0)
        let unclosed = engine.scoreWithRules(rollout("<think>a</think><answer>4", layout: .r1), options: ScoringOptions())
        #expect(unclosed.reasons[.answer] == AnswerReason.unclosedAnswer.rawValue)
    }

    @Test("two answer blocks that disagree are hedging: 0")
    func hedgingAcrossBlocks() {
        let result = RewardEngine().scoreWithRules(rollout("<think>a</think><answer>4</answer><answer>5</answer>", layout: .r1), options: ScoringOptions())
        #expect(result.components[.answer] == 0)
        #expect(result.reasons[.answer] == AnswerReason.conflictingBoxes.rawValue)
    }

    @Test("the layout comes from the rollout, else its task, else the options")
    func layoutPrecedence() {
        var options = ScoringOptions()
        options.layout = .r1
        let r1Response = "<think>a</think><answer>4</answer>"
        #expect(RewardEngine().scoreWithRules(rollout(r1Response, layout: nil), options: options).reward == 1)
        var tasked = rollout("\\boxed{4}", layout: nil)
        tasked.task = "plain"
        options.tasks = ["plain": TaskProfile(layout: .boxed)]
        #expect(RewardEngine().scoreWithRules(tasked, options: options).components[.format] == 1)
        #expect(RewardEngine().scoreWithRules(rollout("\\boxed{4}", layout: .boxed), options: options).components[.format] == 1)
    }

    @Test("an unknown task is a warning and the rollout's own fields are used")
    func unknownTask() {
        var options = ScoringOptions()
        options.tasks = ["grounding": TaskProfile(answerType: .bbox)]
        var rollout = rollout("<judge>think</judge><think>a</think>\\boxed{4}", layout: nil)
        rollout.task = "groundng"
        let result = RewardEngine().scoreWithRules(rollout, options: options)
        #expect(result.reward == 1)
        #expect(result.warnings.map(\.code) == [.unknownTask])
    }

    @Test("lenient extraction finds an answer without a box, but never past an unclosed last box; format still fails")
    func lenientExtraction() {
        var options = ScoringOptions()
        options.extraction = .lenient
        let engine = RewardEngine()
        let plain = engine.scoreWithRules(rollout("Adding them up, the answer is 4.", layout: .boxed), options: options)
        #expect(plain.components[.answer] == 1)
        #expect(plain.components[.format] == 0)
        #expect(plain.reasons[.format] == FormatReason.missingBoxed.rawValue)
        let span = engine.scoreWithRules(rollout("<think>2+2</think> so $4$", layout: .boxed), options: options)
        #expect(span.components[.answer] == 1)
        let unclosed = engine.scoreWithRules(rollout("the answer is 4 \\boxed{4", layout: .boxed), options: options)
        #expect(unclosed.components[.answer] == 0)
        let strict = engine.scoreWithRules(rollout("Adding them up, the answer is 4.", layout: .boxed), options: ScoringOptions())
        #expect(strict.components[.answer] == 0)
        #expect(strict.reasons[.answer] == AnswerReason.missingBoxed.rawValue)
    }
}
