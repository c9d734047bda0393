import Foundation
import Testing
@testable import GRPO

@Suite("Reward client, stand-in and groups")
struct RewardTests {
    static func rollout(_ response: String, truth: String = "7", hard: Bool = false, group: String? = "g") -> RewardRollout {
        RewardRollout(id: "r", prompt: "3+4=", response: response, groundTruth: truth, requiresReasoning: hard, group: group)
    }

    @Test(arguments: [
        ("<judge>direct</judge><think>\n\n</think>\\boxed{7}", false, 1.0),
        ("<judge>think</judge><think>3+4=7</think>\\boxed{7}", false, 0.1),
        ("<judge>think</judge><think>3+4=7</think>\\boxed{7}", true, 1.0),
        ("<judge>direct</judge><think>\n\n</think>\\boxed{7} or \\boxed{8}", false, 0.1),
        ("<judge>direct</judge><think>\n\n</think>\\boxed{8}", false, 0.1),
        ("<judge>maybe</judge><think></think>\\boxed{7}", false, 0.0),
        ("<judge>direct</judge><think>3+4=7</think>\\boxed{7}", false, 0.9),
        ("<judge>direct</judge><think>\n\n</think>\\boxed{7", false, 0.0),
    ])
    func rulesRewardFollowsTheContract(response: String, hard: Bool, expected: Double) {
        let r = LocalRulesReward().scoreOne(Self.rollout(response, hard: hard))
        #expect(abs((r.reward ?? -1) - expected) < 1e-9)
    }

    @Test func abstainedRolloutsAreLeftOutOfTheirGroup() {
        let (adv, groups) = GroupAdvantages.compute(rewards: [1, nil, 0, 0.5], groups: ["a", "a", "a", "b"], mode: "grpo")
        #expect(adv[1] == nil)
        #expect(groups["a"]?.n == 2)
        #expect(abs((adv[0] ?? 0) - 1 / (2.0.squareRoot() + 1e-6) * 1) < 1e-6)  // (1 - 0.5) / std(1, 0)
        #expect(adv[3] == 0)  // a group of one
        #expect(groups["b"]?.degenerate == true)
    }

    @Test func decodesTheServiceAnswer() throws {
        let json = """
        {"results":[{"id":"1","reward":null,"components":{"format":1,"answer":null},"decision":"think","advantage":null,
          "error":{"code":"judge_unreachable","message":"x"},"cache":{"hits":0,"misses":0}}],
         "groups":{"g":{"n":0,"mean":null,"std":null,"degenerate":true}}}
        """
        let r = try JSONDecoder().decode(RewardResponse.self, from: Data(json.utf8))
        #expect(r.results[0].reward == nil)
        #expect(r.results[0].component("format") == 1)
        #expect(r.results[0].component("answer") == nil)
        #expect(r.results[0].error?.code == "judge_unreachable")
        #expect(r.groups["g"]?.degenerate == true)
    }

    @Test func skippedComponentsStayNilThroughTheMetrics() async throws {
        let json = #"""
        {"results":[{"id":"a","reward":1,"components":{"format":1,"answer":1,"judge":1,"think":null,"logic":null,"grounding":null,"consistency":null},"decision":"think","extracted_answer":"7","skipped":{"think":"no_judge"},"reasons":{},"error":null,"advantage":0.7,"group":"g","cache":{"hits":0,"misses":0},"judge_tokens":0,"latency_ms":0.333}],"groups":{"g":{"n":1,"mean":1,"std":0,"degenerate":true}}}
        """#
        let r = try JSONDecoder().decode(RewardResponse.self, from: Data(json.utf8))
        #expect(r.results[0].component("think") == nil)
        #expect(r.results[0].component("judge") == 1)
    }

    @Test func encodesTheContractFieldNames() throws {
        let body = try JSONEncoder().encode(RewardRequest(rollouts: [Self.rollout("x")], config: RewardRequestConfig(advantage: "grpo")))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("\"ground_truth\""))
        #expect(text.contains("\"requires_reasoning\""))
        #expect(text.contains("\"advantage\":\"grpo\""))
    }

    @Test func retriesRetryableFailuresThenSucceeds() async throws {
        let fake = ScriptedRewardClient { call, request in
            if call < 3 { throw RewardClientError(retryable: true, message: "503") }
            return LocalRulesReward().scoreNow(request)
        }
        let client = RetryingRewardClient(base: fake, maxAttempts: 4, initialBackoff: .milliseconds(1))
        let r = try await client.score(RewardRequest(rollouts: [Self.rollout("x")], config: RewardRequestConfig(advantage: "grpo")))
        #expect(r.results.count == 1)
        #expect(await fake.callCount == 3)
    }

    @Test(arguments: [(true, 3), (false, 1)])
    func stopsClearlyAfterRepeatedFailure(retryable: Bool, expectedCalls: Int) async throws {
        let fake = ScriptedRewardClient { _, _ in throw RewardClientError(retryable: retryable, message: "boom") }
        let client = RetryingRewardClient(base: fake, maxAttempts: 3, initialBackoff: .milliseconds(1))
        await #expect(throws: TrainerError.self) {
            _ = try await client.score(RewardRequest(rollouts: [Self.rollout("x")], config: RewardRequestConfig(advantage: "grpo")))
        }
        #expect(await fake.callCount == expectedCalls)
    }

    @Test func dynamicSamplingDropsDegenerateGroupsAndRefills() async throws {
        var c = Fixtures.tiny
        c.rl.filterGroups = true
        c.rl.maxNumGenBatches = 3
        // Every group is degenerate in round 1; later rounds vary rewards inside each group.
        let fake = ScriptedRewardClient { call, request in
            var r = LocalRulesReward().scoreNow(request)
            let rewards: [Double?] = request.rollouts.indices.map { call == 1 ? 0.5 : Double($0 % 2) }
            let (adv, groups) = GroupAdvantages.compute(rewards: rewards, groups: request.rollouts.map(\.group), mode: "grpo")
            for i in r.results.indices { r.results[i].reward = rewards[i]; r.results[i].advantage = adv[i] }
            r.groups = groups
            return r
        }
        var state = Fixtures.freshState(c, stage: .rl)
        let m = try await RLTrainer(config: c, client: fake).step(&state)
        #expect(m.groupsDropped == c.rl.trainBatchSize)
        #expect(m.groupsKept == c.rl.trainBatchSize)
        #expect(m.genBatches == 2)
    }

    @Test func abstainedRolloutsAreMaskedFromTheLoss() async throws {
        let c = Fixtures.tiny
        let fake = ScriptedRewardClient { _, request in
            var r = LocalRulesReward().scoreNow(request)
            for i in r.results.indices {
                r.results[i].reward = nil
                r.results[i].advantage = nil
            }
            return r
        }
        var state = Fixtures.freshState(c, stage: .rl)
        let before = state.model.params
        let m = try await RLTrainer(config: c, client: fake).step(&state)
        #expect(m.abstained == c.rl.trainBatchSize * c.rl.numGenerations)
        // Nothing to learn from: only weight decay could move the weights, and it is 0.
        #expect(state.model.params == before)
    }

    @Test func passCriteriaFollowTheIssue() {
        let sft = EvalReport(n: 200, reward: 0.3, judgeAccuracy: 0.35, answerAccuracy: 0.9, formatRate: 1, easyAnswerAccuracy: 0.95, hardAnswerAccuracy: 0.9, thinkRateEasy: 0.5, thinkRateHard: 0.5, abstained: 0)
        var rl = sft
        rl.reward = 0.9
        rl.judgeAccuracy = 0.95
        #expect(PassCriteria.check(before: sft, after: rl).allSatisfy { $0.passed })
        rl.easyAnswerAccuracy = 0.85
        #expect(PassCriteria.check(before: sft, after: rl).filter { !$0.passed }.count == 1)
    }
}
