import Foundation
import RewardCore
import Testing
@testable import GRPO

@Suite("Reward scoring, groups and the trainer's use of them")
struct RewardTests {
    static func rollout(_ response: String, truth: String = "7", hard: Bool = false, group: String? = "g") -> Rollout {
        Rollout(id: .string("r"), prompt: "3+4=", response: response, groundTruths: [truth], requiresReasoning: hard, group: group)
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
    func localScoringIsTheServicesEngine(response: String, hard: Bool, expected: Double) async throws {
        let batch = try await RewardCall.score([Self.rollout(response, hard: hard)], advantage: .grpo, with: RewardEngine())
        #expect(abs((batch.results[0].reward ?? -1) - expected) < 1e-9)
    }

    @Test func aScorerThatFailsStopsTheTrainerWithOneClearError() async throws {
        let fake = ScriptedRewardClient { _, _ in BatchResult(results: [], groups: [:]) }
        await #expect(throws: TrainerError.rewardService("sent 1 rollouts, got 0 results")) {
            _ = try await RewardCall.score([Self.rollout("x")], advantage: .grpo, with: fake)
        }
    }

    @Test func dynamicSamplingDropsDegenerateGroupsAndRefills() async throws {
        var c = Fixtures.tiny
        c.rl.filterGroups = true
        c.rl.maxNumGenBatches = 3
        // Every group is degenerate in round 1; later rounds vary rewards inside each group.
        let fake = ScriptedRewardClient { call, rollouts in
            var r = await RewardEngine().scoreBatch(rollouts, options: ScoringOptions())
            for i in r.results.indices { r.results[i].reward = call == 1 ? 0.5 : Double(i % 2) }
            r.groups = GroupStatistics.apply(to: &r.results, mode: .grpo)
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
        let fake = ScriptedRewardClient { _, rollouts in
            var r = await RewardEngine().scoreBatch(rollouts, options: ScoringOptions())
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
