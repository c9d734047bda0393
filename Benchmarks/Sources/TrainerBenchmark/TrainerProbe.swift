import RewardCore
import GRPO

/// Times SFT and RL steps of the demo configuration.
enum TrainerProbe {
    /// Matmul FLOPs of a forward pass over `rows` tokens in sequences of `seqLen` (attention included).
    static func forwardFlops(_ m: ModelConfig, rows: Int, seqLen: Int) -> Double {
        let perLayer = 2.0 * Double(m.dModel * 3 * m.dModel + m.dModel * m.dModel + 2 * m.dModel * m.ffn)
        let attention = 2.0 * 2.0 * Double(seqLen * m.dModel)
        return Double(rows) * (Double(m.layers) * (perLayer + attention) + 2.0 * Double(m.dModel * m.vocabSize))
    }

    static func run(config: TrainerConfig, baseline: Double) async throws {
        var rng = RandomStream(seed: config.seed, stream: "init")
        var state = TrainingState(
            stage: .sft, model: Transformer(config: config.model, rng: &rng),
            optimizer: AdamWConfig(learningRate: config.sft.learningRate), seed: config.seed)
        let sft = SFTTrainer(config: config)
        // SFT: forward + backward ≈ 3× forward FLOPs.
        var tokens = 0, seconds = 0.0, flops = 0.0
        for i in 0..<60 {
            var drawRNG = state.dataRNG
            let seqs = sft.batch(count: config.sft.perDeviceTrainBatchSize, rng: &drawRNG)
            let seqLen = seqs.map(\.tokens.count).max() ?? 0
            let m = sft.step(&state)
            if i < 10 { continue }  // warm-up
            tokens += m.tokens
            seconds += m.timing.seconds
            flops += 3 * forwardFlops(config.model, rows: m.tokens, seqLen: seqLen)
        }
        print("SFT step (batch \(config.sft.perDeviceTrainBatchSize)): \(f(Double(tokens) / seconds)) tokens/s, \(f(flops / seconds / 1e9)) GFLOP/s achieved (\(f(flops / seconds / 1e9 / baseline * 100))% of sgemm baseline), \(f(seconds / 50 * 1000)) ms/step")

        // RL: the in-process rules stand-in replaces the service so only trainer work is timed.
        var rlState = state
        rlState.stage = .rl
        let rl = RLTrainer(config: config, client: RewardEngine())
        var sampleSeconds = 0.0, trainSeconds = 0.0, rlSeconds = 0.0, rlTokens = 0.0, generated = 0.0, rlFlops = 0.0
        let steps = 20
        for _ in 0..<steps {
            let m = try await rl.step(&rlState)
            sampleSeconds += m.timing.sampleSeconds ?? 0
            trainSeconds += m.timing.trainSeconds ?? 0
            rlSeconds += m.timing.seconds
            rlTokens += m.timing.tokensPerSecond * m.timing.seconds
            // Sampling is one forward per token; the update is forward + backward on padded rows.
            let seqLen = config.rl.maxCompletionLength / 2
            rlFlops += forwardFlops(config.model, rows: m.sampledTokens, seqLen: seqLen) + 3 * forwardFlops(config.model, rows: m.trainedTokens, seqLen: seqLen)
            generated += m.responseLength * Double(config.rl.trainBatchSize * config.rl.numGenerations * m.genBatches)
        }
        print("RL step (\(config.rl.trainBatchSize) prompts x G=\(config.rl.numGenerations)): \(f(rlTokens / rlSeconds)) tokens/s overall, \(f(rlFlops / rlSeconds / 1e9)) GFLOP/s achieved (\(f(rlFlops / rlSeconds / 1e9 / baseline * 100))% of baseline), \(f(rlSeconds / Double(steps) * 1000)) ms/step")
        print("  sampling (KV cache): \(f(generated / sampleSeconds)) generated tokens/s, \(f(sampleSeconds / Double(steps) * 1000)) ms/step")
        print("  policy update: \(f(trainSeconds / Double(steps) * 1000)) ms/step")
    }
}
