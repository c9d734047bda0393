/// Which stage a state belongs to.
public enum Stage: String, Sendable, Codable {
    /// Supervised fine-tuning.
    case sft
    /// Reinforcement learning.
    case rl
}

/// Everything that changes during training; a checkpoint saves and restores exactly this.
public struct TrainingState: Sendable {
    /// Stage of the run.
    public var stage: Stage
    /// Steps completed in this stage.
    public var step: Int
    /// The policy.
    public var model: Transformer
    /// Optimizer moments and step count.
    public var optimizer: AdamW
    /// Stream for drawing items and modes.
    public var dataRNG: RandomStream
    /// Stream for sampling tokens.
    public var samplingRNG: RandomStream
    /// Frozen initial policy for the KL term, when `beta > 0`.
    public var reference: Transformer?

    /// A fresh state for `stage` starting from `model`.
    public init(stage: Stage, model: Transformer, optimizer: AdamWConfig, seed: UInt64) {
        self.stage = stage
        step = 0
        self.model = model
        self.optimizer = AdamW(config: optimizer, model: model.config)
        dataRNG = RandomStream(seed: seed, stream: "\(stage.rawValue)-data")
        samplingRNG = RandomStream(seed: seed, stream: "\(stage.rawValue)-sampling")
    }

    /// A state restored from its parts.
    public init(
        stage: Stage, step: Int, model: Transformer, optimizer: AdamW, dataRNG: RandomStream,
        samplingRNG: RandomStream, reference: Transformer?
    ) {
        self.stage = stage
        self.step = step
        self.model = model
        self.optimizer = optimizer
        self.dataRNG = dataRNG
        self.samplingRNG = samplingRNG
        self.reference = reference
    }
}
