import Foundation
import RewardCore
@testable import GRPO

/// A configuration small enough for tests to train in well under a second.
enum Fixtures {
    static var tiny: TrainerConfig {
        var c = TrainerConfig.demo
        c.model = ModelConfig(vocabSize: Tokenizer().vocabSize, dModel: 16, layers: 1, heads: 2, ffn: 32, maxLen: 48)
        c.sft.perDeviceTrainBatchSize = 8
        c.sft.maxSteps = 6
        c.sft.warmupSteps = 1
        c.sft.gateItems = 4
        c.sft.gateAccuracy = 0
        c.rl.trainBatchSize = 2
        c.rl.numGenerations = 3
        c.rl.maxSteps = 3
        c.rl.maxCompletionLength = 40
        c.rl.filterGroups = false
        return c
    }

    static func freshState(_ c: TrainerConfig, stage: Stage = .sft) -> TrainingState {
        var rng = RandomStream(seed: c.seed, stream: "init")
        return TrainingState(
            stage: stage, model: Transformer(config: c.model, rng: &rng),
            optimizer: AdamWConfig(learningRate: c.sft.learningRate), seed: c.seed)
    }

    static func temporaryDirectory() -> URL {
        URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("grpo-tests-\(UUID().uuidString)")
    }
}

/// A reward scorer that answers from a closure and counts calls.
actor ScriptedRewardClient: RewardScorer {
    private var calls = 0
    private let answer: @Sendable (Int, [Rollout]) async throws -> BatchResult

    init(_ answer: @escaping @Sendable (Int, [Rollout]) async throws -> BatchResult) { self.answer = answer }

    var callCount: Int { calls }

    func score(_ rollouts: [Rollout], config: RequestConfig) async throws -> BatchResult {
        calls += 1
        return try await answer(calls, rollouts)
    }
}
