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

@Suite("The trainer's prompt sampler")
struct TrainerSamplerTests {
    /// Records what the trainer asked for and saw.
    actor RecordingSelector: PromptSelecting {
        var requests: [SampleRequest] = []
        var observedIDs: [String] = []
        let local = LocalPromptSelector()

        func sample(_ request: SampleRequest) async throws -> [String] {
            requests.append(request)
            return try await local.sample(request)
        }

        func observe(_ items: [RolloutItem], _ results: [RewardResult]) async throws {
            observedIDs += items.compactMap { try? $0.rollout.get().promptID }
            try await local.observe(items, results)
        }
    }

    @Test("with --sampler, each step's prompts come from the fixed pool through the selector, and rollouts carry prompt_id")
    func samplesFromThePool() async throws {
        var c = Fixtures.tiny
        c.rl.sampler = .vade
        c.rl.promptPoolSize = 12
        let selector = RecordingSelector()
        var state = Fixtures.freshState(c, stage: .rl)
        let trainer = RLTrainer(config: c, client: RewardEngine(), selector: selector)
        _ = try await trainer.step(&state)
        _ = try await trainer.step(&state)
        let requests = await selector.requests
        #expect(requests.count >= 2)
        #expect(requests.allSatisfy { $0.candidates.count == 12 && $0.k == c.rl.trainBatchSize && $0.strategy == .vade })
        #expect(Set(requests.map(\.seed)).count == requests.count, "each round draws with its own seed")
        let observed = await selector.observedIDs
        #expect(observed.count == requests.count * c.rl.trainBatchSize * c.rl.numGenerations)
        #expect(observed.allSatisfy { $0.hasPrefix("train-") })
    }

    @Test("without --sampler, nothing is asked and tasks are drawn fresh")
    func noSampler() async throws {
        let selector = RecordingSelector()
        var state = Fixtures.freshState(Fixtures.tiny, stage: .rl)
        _ = try await RLTrainer(config: Fixtures.tiny, client: RewardEngine(), selector: selector).step(&state)
        #expect(await selector.requests.isEmpty)
    }
}
