import RewardCore
import Testing

@testable import Judging

@Suite struct VerdictParserTests {
    @Test(arguments: [
        ("TRUE", true), ("FALSE", false), ("true", true), (" False.\n", false), ("**TRUE**", true),
        ("\"FALSE\"", false), ("<think>the steps hold</think>\nTRUE", true),
    ])
    func readsBareBooleans(text: String, passed: Bool) throws {
        let verdict = try #require(VerdictParser.parse(text, kind: .logic))
        #expect(verdict.passed == passed)
        #expect(verdict.requiresReasoning == nil)
    }

    @Test(arguments: [
        "", "TRUE or FALSE", "The reasoning is sound, so TRUE.", "YES", "TRUE\nFALSE", "1", "It is TRUE",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(VerdictParser.parse(text, kind: .consistency) == nil)
    }

    @Test(arguments: [
        (#"{"is_judgment_correct": true, "requires_reasoning": false}"#, true, false),
        ("```json\n{\"is_judgment_correct\": false, \"requires_reasoning\": true}\n```", false, true),
        (#"{"requires_reasoning": true, "is_judgment_correct": true, "why": "steps"}"#, true, true),
    ])
    func readsThinkJudgeObjects(text: String, correct: Bool, requires: Bool) throws {
        let verdict = try #require(VerdictParser.parse(text, kind: .thinkJudge))
        #expect(verdict.passed == correct)
        #expect(verdict.requiresReasoning == requires)
    }

    @Test(arguments: [
        #"{"is_judgment_correct": true, "requires_reasoning": fa"#,
        #"{"is_judgment_correct": 1, "requires_reasoning": 0}"#,
        #"{"is_judgment_correct": "true", "requires_reasoning": "false"}"#,
        #"{"is_judgment_correct": true}"#,
        "Sure! Here is the JSON: {\"is_judgment_correct\": true, \"requires_reasoning\": true}",
        "TRUE",
    ])
    func rejectsBrokenThinkJudgeObjects(text: String) {
        #expect(VerdictParser.parse(text, kind: .thinkJudge) == nil)
    }
}
