import RewardCore

/// Supervised stage settings.
public struct SFTConfig: Sendable, Codable, Equatable {
    /// Optimizer steps.
    public var maxSteps: Int
    /// Sequences per step.
    public var perDeviceTrainBatchSize: Int
    /// Peak learning rate (cosine decay after warm-up).
    public var learningRate: Float
    /// Linear warm-up steps.
    public var warmupSteps: Int
    /// AdamW decoupled weight decay.
    public var weightDecay: Float
    /// Global gradient-norm clip; 0 disables.
    public var maxGradNorm: Float
    /// Think-mode accuracy on hard items SFT must reach before RL.
    public var gateAccuracy: Double
    /// Held-out hard items the gate decodes.
    public var gateItems: Int
    /// Write a checkpoint every this many steps (and at the end); 0 only at the end.
    public var saveSteps: Int
}

/// RL stage settings, named after TRL's `GRPOConfig` and verl's DAPO recipe.
public struct RLConfig: Sendable, Codable, Equatable {
    /// Optimizer steps (policy updates count as one step per batch).
    public var maxSteps: Int
    /// Prompts per step (verl `data.train_batch_size`).
    public var trainBatchSize: Int
    /// Rollouts per prompt, G (TRL `num_generations`, verl `rollout.n`).
    public var numGenerations: Int
    /// Constant learning rate after warm-up.
    public var learningRate: Float
    /// Linear warm-up steps.
    public var warmupSteps: Int
    /// AdamW decoupled weight decay.
    public var weightDecay: Float
    /// Global gradient-norm clip; 0 disables.
    public var maxGradNorm: Float
    /// Sampling temperature.
    public var temperature: Float
    /// Nucleus sampling mass.
    public var topP: Float
    /// Longest response in tokens.
    public var maxCompletionLength: Int
    /// Lower clip range (`epsilon`, verl `clip_ratio_low`).
    public var epsilon: Float
    /// Upper clip range (`epsilon_high`, verl `clip_ratio_high`).
    public var epsilonHigh: Float
    /// k3 KL coefficient to the initial policy; 0 turns the reference model off.
    public var beta: Float
    /// Loss aggregation and advantage scaling (`grpo`, `dapo`, `dr_grpo`).
    public var lossType: LossAggregation
    /// Passes over each batch (TRL `num_iterations`, PPO epochs).
    public var numIterations: Int
    /// Optimizer updates per pass (verl `ppo_mini_batch_size` as a count).
    public var miniBatches: Int
    /// Drop groups whose rewards are all equal and sample more (DAPO dynamic sampling).
    public var filterGroups: Bool
    /// Generation rounds per step while refilling (verl `max_num_gen_batches`).
    public var maxNumGenBatches: Int
    /// DAPO soft overlong punishment buffer in tokens; 0 disables.
    public var overlongBufferLength: Int
    /// Penalty at the hard limit, scaled linearly inside the buffer.
    public var overlongPenaltyFactor: Double
    /// Leave responses cut at `max_completion_length` out of the loss.
    public var maskTruncatedCompletions: Bool
    /// Write a checkpoint every this many steps (and at the end); 0 only at the end.
    public var saveSteps: Int
    /// Pick each step's prompts from a fixed pool by their statistics (`POST /sample`, or in process with
    /// `--reward-url local`); nil draws fresh random tasks every step.
    public var sampler: SamplingStrategy? = nil
    /// The fixed pool's size when `sampler` is set (default 256).
    public var promptPoolSize: Int? = nil
}

/// Everything a run needs, written next to each checkpoint.
public struct TrainerConfig: Sendable, Codable, Equatable {
    /// Policy shape.
    public var model: ModelConfig
    /// Root seed; data, initialisation, sampling and evaluation draw from separate streams.
    public var seed: UInt64
    /// Fraction of hard items in training draws.
    public var hardFraction: Double
    /// Supervised stage.
    public var sft: SFTConfig
    /// RL stage.
    public var rl: RLConfig

    /// A named preset: `demo` learns in minutes on two cores; `paper` uses SAIL-RL's RL settings.
    public static func preset(_ name: String) throws(TrainerError) -> TrainerConfig {
        var c = demo
        switch name {
        case "demo": break
        case "paper":
            c.rl.learningRate = 1e-6
            c.rl.numGenerations = 5
            c.rl.beta = 0
            c.rl.warmupSteps = 0
        default: throw .invalidConfig("unknown preset '\(name)'; choose demo or paper")
        }
        return c
    }

    /// The demo preset.
    public static let demo = TrainerConfig(
        model: ModelConfig(vocabSize: Tokenizer().vocabSize, dModel: 64, layers: 2, heads: 4, ffn: 256, maxLen: 48),
        seed: 1,
        hardFraction: 0.5,
        sft: SFTConfig(
            maxSteps: 2000, perDeviceTrainBatchSize: 32, learningRate: 3e-3, warmupSteps: 50, weightDecay: 0.01,
            maxGradNorm: 1, gateAccuracy: 0.8, gateItems: 200, saveSteps: 0),
        rl: RLConfig(
            maxSteps: 150, trainBatchSize: 8, numGenerations: 8, learningRate: 1e-4, warmupSteps: 5,
            weightDecay: 0, maxGradNorm: 1, temperature: 1, topP: 1, maxCompletionLength: 40,
            epsilon: 0.2, epsilonHigh: 0.28, beta: 0, lossType: .dapo, numIterations: 1, miniBatches: 2,
            filterGroups: true, maxNumGenBatches: 3, overlongBufferLength: 0, overlongPenaltyFactor: 1,
            maskTruncatedCompletions: true, saveSteps: 50))

    /// Rejects settings that cannot run, naming the knob.
    public func validate() throws(TrainerError) {
        try model.validate()
        guard model.vocabSize == Tokenizer().vocabSize else {
            throw .invalidConfig("vocab_size must be \(Tokenizer().vocabSize) for this task's tokenizer")
        }
        guard (0...1).contains(hardFraction) else { throw .invalidConfig("hard_fraction must be within 0...1") }
        guard sft.perDeviceTrainBatchSize > 0, sft.maxSteps >= 0 else { throw .invalidConfig("SFT batch size must be positive") }
        guard rl.trainBatchSize > 0, rl.numGenerations > 1 else {
            throw .invalidConfig("train_batch_size must be positive and num_generations at least 2")
        }
        guard rl.temperature > 0, rl.topP > 0, rl.topP <= 1 else { throw .invalidConfig("temperature must be > 0 and top_p in (0, 1]") }
        guard rl.epsilon >= 0, rl.epsilonHigh >= 0, rl.beta >= 0 else { throw .invalidConfig("epsilon, epsilon_high and beta must be >= 0") }
        guard rl.numIterations > 0, rl.miniBatches > 0, rl.maxNumGenBatches > 0 else {
            throw .invalidConfig("num_iterations, mini_batches and max_num_gen_batches must be positive")
        }
        guard rl.maxCompletionLength > 1, rl.maxCompletionLength < model.maxLen else {
            throw .invalidConfig("max_completion_length must be in 2..<max_len (\(model.maxLen))")
        }
        guard rl.overlongBufferLength >= 0, rl.overlongBufferLength < rl.maxCompletionLength else {
            throw .invalidConfig("overlong_buffer_length must be below max_completion_length")
        }
    }
}
