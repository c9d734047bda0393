import Foundation
import Logging
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// Against a real model served by `scripts/local-judge.sh`: proves the wiring, not the judging quality,
/// so it asserts that verdicts arrive and parse, never what they say.
@Suite struct LocalJudgeIntegrationTests {
    static let url = ProcessInfo.processInfo.environment["REFEREE_LOCAL_JUDGE_URL"]
    static let model = ProcessInfo.processInfo.environment["REFEREE_LOCAL_JUDGE_MODEL"] ?? "local-judge"

    @Test(
        .enabled(
            if: url != nil,
            "REFEREE_LOCAL_JUDGE_URL is unset, so no real judge runs: start scripts/local-judge.sh and set REFEREE_LOCAL_JUDGE_URL=http://127.0.0.1:PORT/v1 (and REFEREE_LOCAL_JUDGE_MODEL) to run this test"
        ))
    func aRealJudgeGivesParseableVerdictsAndTheSecondRoundIsCached() async throws {
        let base = try #require(Self.url)
        let configuration = JudgeConfiguration(
            baseURL: base, model: Self.model, timeoutSeconds: 120, maxConcurrency: 2, maxRetries: 1,
            promptsDirectory: Fixtures.repositoryPrompts)
        let cache = InMemoryVerdictCache()
        let judge = try LLMJudge(configuration: configuration, cache: cache, logger: Logger(label: "local-judge-test"))
        let requests = [
            JudgeRequest(
                kind: .consistency, question: "What is 6 * 7?", reasoning: "6 * 7 = 42.", answer: "\\boxed{42}"),
            JudgeRequest(kind: .logic, question: "What is 6 * 7?", reasoning: "6 * 7 = 6 + 7 = 13."),
            JudgeRequest(kind: .thinkJudge, question: "What colour is the sky on a clear day?", decision: "direct"),
        ]
        for request in requests {
            let verdict = try await judge.verdict(for: request)
            #expect(!verdict.fromCache)
            #expect(verdict.model == Self.model)
            #expect((request.kind == .thinkJudge) == (verdict.requiresReasoning != nil))
            print("local judge \(request.kind.rawValue): \(verdict.passed) in \(Int(verdict.latencyMs)) ms, raw \(verdict.rawText)")
        }
        for request in requests { #expect(try await judge.verdict(for: request).fromCache) }
    }
}
