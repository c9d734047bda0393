import Testing

@testable import RewardCore

@Suite("Response parsing and format reasons")
struct ResponseParserTests {
    let parser = ResponseParser()

    @Test(
        "well-formed responses pass the format check",
        arguments: [
            ("<judge>think</judge><think>2+2=4</think>So \\boxed{4}", Decision.think, "4"),
            ("  <judge> Direct. </judge>\n<think>\n\n</think>\n\\boxed{\\frac{1}{2}}\n", .direct, "\\frac{1}{2}"),
            ("<judge>\"Reasoning\"</judge> <think>x</think> \\boxed{a} then \\boxed{b}", .think, "b"),
            ("<judge>answer   directly</judge><think></think>\\boxed{\\text{B}}", .direct, "\\text{B}"),
        ])
    func wellFormed(response: String, decision: Decision, answer: String) {
        let parsed = parser.parse(response)
        #expect(parsed.formatReasons == [])
        #expect(parsed.decision == decision)
        #expect(parsed.finalAnswer == answer)
    }

    @Test(
        "each format failure carries its reason",
        arguments: [
            ("just \\boxed{4}", FormatReason.missingJudge),
            ("<judge>think</judge>\\boxed{4}", .missingThink),
            ("<judge>think<think>a</think>\\boxed{4}", .unclosedJudge),
            ("<judge>think</judge><think>a \\boxed{4}", .unclosedThink),
            ("<think>a</think><judge>think</judge>\\boxed{4}", .order),
            ("Sure! <judge>think</judge><think>a</think>\\boxed{4}", .textBeforeJudge),
            ("<judge>think</judge> so <think>a</think>\\boxed{4}", .textBetweenBlocks),
            ("<judge>maybe</judge><think>a</think>\\boxed{4}", .unknownDecision),
            ("<judge>direct</judge><think>a</think>\\boxed{4}", .thinkNotEmptyForDirect),
            ("<judge>think</judge><think>  \n</think>\\boxed{4}", .emptyThink),
            ("<judge>think</judge><think>a</think>4", .missingBoxed),
            ("<judge>think</judge><think>a</think>\\boxed{ }", .missingBoxed),
            ("<judge>think</judge><think>a</think>\\boxed{4", .unbalancedBoxed),
            ("<judge>think</judge><think>a</think>\\boxed{4}</think>", .strayTag),
            ("<judge>think</judge><think>a</think><think>b</think>\\boxed{4}", .duplicateThink),
            ("<judge>think</judge><judge>direct</judge><think>a</think>\\boxed{4}", .duplicateJudge),
        ])
    func failures(response: String, reason: FormatReason) {
        let parsed = parser.parse(response)
        #expect(parsed.formatReasons.contains(reason), "\(parsed.formatReasons)")
        #expect(!parsed.formatPassed)
    }

    @Test("an unclosed last box gives no final answer, never an earlier box")
    func unclosedLastBox() {
        let parsed = parser.parse("<judge>think</judge><think>a</think>\\boxed{3} or \\boxed{4")
        #expect(parsed.lastBoxUnclosed)
        #expect(parsed.finalAnswer == nil)
        #expect(parsed.boxes == ["3"])
    }

    @Test("braces nest inside boxes; escaped braces do not count")
    func nestedBraces() {
        let parsed = parser.parse("<judge>think</judge><think>a</think>\\boxed{\\{1, \\frac{2}{3}\\}}")
        #expect(parsed.finalAnswer == "\\{1, \\frac{2}{3}\\}")
    }

    @Test("the prefix is prepended before parsing")
    func prefix() {
        let parsed = parser.parse("think</judge><think>a</think>\\boxed{1}", prefix: "<judge>")
        #expect(parsed.formatPassed)
        #expect(parsed.decision == .think)
    }

    @Test("decision vocabularies are configurable")
    func vocabulary() {
        let custom = ResponseParser(vocabulary: DecisionVocabulary(think: ["slow"], direct: ["fast"]))
        #expect(custom.parse("<judge>SLOW</judge><think>a</think>\\boxed{1}").decision == .think)
        #expect(custom.parse("<judge>think</judge><think>a</think>\\boxed{1}").decision == .unknown)
    }

    @Test("a response with no tags at all is all answer section")
    func plainResponse() {
        let parsed = parser.parse("The answer is \\boxed{12}.")
        #expect(parsed.finalAnswer == "12")
        #expect(parsed.formatReasons.contains(.missingJudge))
    }

    @Test("boxes inside the think block are not answers")
    func boxesInThink() {
        let parsed = parser.parse("<judge>think</judge><think>maybe \\boxed{3}</think>so 4")
        #expect(parsed.boxes.isEmpty)
        #expect(parsed.formatReasons.contains(.missingBoxed))
    }
}
