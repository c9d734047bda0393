import FakeJudgeServer
import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// The think-judge consistency check: both orders of its two questions, a verdict only when they agree.
@Suite struct ConsistencyCheckTests {
    static let request = JudgeRequest(kind: .thinkJudge, question: "What colour is the car?", decision: "direct")
    /// A phrase only the swapped prompt holds.
    static let swappedPhrase = "in this order:"

    static func judge(_ url: String, check: Bool = true, cache: any VerdictCache = InMemoryVerdictCache()) throws -> LLMJudge {
        var configuration = Fixtures.configuration(url)
        configuration.thinkJudgeConsistencyCheck = check
        return try Fixtures.judge(configuration, cache: cache)
    }

    @Test func disagreeingAnswersFailTheVerdictAndAreNotCached() async throws {
        let script = JudgeScript()
        await script.answer(#"{"requires_reasoning": false, "is_judgment_correct": false}"#, whenBodyContains: Self.swappedPhrase)
        await script.setDefaults(json: #"{"is_judgment_correct": true, "requires_reasoning": false}"#)
        let cache = InMemoryVerdictCache()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Self.judge(url, cache: cache)
            await #expect(throws: JudgeFailure(cause: .inconsistent, message: "the think-judge answered is_judgment_correct true, requires_reasoning false, and is_judgment_correct false, requires_reasoning false with its two questions swapped")) {
                try await judge.verdict(for: Self.request)
            }
            #expect(await judge.cachedVerdict(for: Self.request) == nil)
        }
        #expect(await script.calls == 2)
        let bodies = try await script.requests().map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        #expect(bodies.filter { $0.contains(Self.swappedPhrase) }.count == 1)
    }

    @Test func agreeingAnswersGiveOneVerdictWithBothCosts() async throws {
        let script = JudgeScript()
        await script.setDefaults(json: #"{"is_judgment_correct": true, "requires_reasoning": false}"#)
        try await FakeJudgeServer.run(script) { url in
            let judge = try Self.judge(url)
            let verdict = try await judge.verdict(for: Self.request)
            #expect(verdict.passed && verdict.requiresReasoning == false)
            #expect(verdict.promptTokens == 200 && verdict.completionTokens == 2)
            #expect(try await judge.verdict(for: Self.request).fromCache)
        }
        #expect(await script.calls == 2)
    }

    @Test func theCheckChangesTheThinkJudgeKeyOnly() async throws {
        let plain = try Self.judge("http://127.0.0.1:9/v1", check: false)
        let checked = try Self.judge("http://127.0.0.1:9/v1")
        let logic = Fixtures.logic
        #expect(
            CacheKey.make(request: Self.request, template: plain.prompts[.thinkJudge], configuration: plain.configuration)
                != CacheKey.make(request: Self.request, template: checked.prompts[.thinkJudge], configuration: checked.configuration,
                                 swapped: checked.prompts.swappedThinkJudge))
        #expect(plain.prompts.swappedThinkJudge == nil)
        #expect(
            CacheKey.make(request: logic, template: plain.prompts[.logic], configuration: plain.configuration)
                == CacheKey.make(request: logic, template: checked.prompts[.logic], configuration: checked.configuration))
    }

    @Test func aPromptsFolderWithoutTheSwappedPromptStopsTheStartUp() throws {
        let prompts = try Fixtures.copiedPrompts()
        try FileManager.default.removeItem(atPath: (prompts as NSString).appendingPathComponent("think-judge-swapped.txt"))
        var configuration = Fixtures.configuration("http://127.0.0.1:9/v1", prompts: prompts)
        _ = try Fixtures.judge(configuration)
        configuration.thinkJudgeConsistencyCheck = true
        #expect(throws: JudgeSetupError.self) { try Fixtures.judge(configuration) }
        do {
            _ = try Fixtures.judge(configuration)
        } catch let error as JudgeSetupError {
            #expect(error.code == "missing_prompt" && error.message.contains("think-judge-swapped.txt"))
        }
    }
}
