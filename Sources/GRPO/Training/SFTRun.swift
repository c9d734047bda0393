import Foundation

/// Drives the SFT stage: resume, steps, metrics, checkpoints, and the gate.
public struct SFTRun: Sendable {
    /// Settings.
    public let config: TrainerConfig
    /// Checkpoints and metrics go here.
    public let outputDirectory: URL
    /// Where to start from.
    public let resume: ResumeMode

    /// A run.
    public init(config: TrainerConfig, outputDirectory: URL, resume: ResumeMode) {
        self.config = config
        self.outputDirectory = outputDirectory
        self.resume = resume
    }

    /// Trains to `sft.max_steps`, saves, and checks the gate; `progress` sees every step.
    public func run(progress: (SFTStepMetrics) -> Void) throws(TrainerError) -> (state: TrainingState, gateAccuracy: Double) {
        try config.validate()
        let store = CheckpointStore(directory: outputDirectory)
        var state: TrainingState
        if let url = resume.checkpoint(in: store) {
            state = try CheckpointStore.load(url).state
            guard state.stage == .sft else { throw .invalidCheckpoint("\(url.path) is not an SFT checkpoint") }
            guard state.model.config == config.model else { throw .invalidCheckpoint("\(url.path) holds another model shape") }
        } else {
            var initRNG = RandomStream(seed: config.seed, stream: "init")
            let model = Transformer(config: config.model, rng: &initRNG)
            state = TrainingState(
                stage: .sft, model: model,
                optimizer: AdamWConfig(learningRate: config.sft.learningRate, weightDecay: config.sft.weightDecay),
                seed: config.seed)
        }
        let log = try MetricsLog(url: outputDirectory.appendingPathComponent("metrics.jsonl"))
        let trainer = SFTTrainer(config: config)
        while state.step < config.sft.maxSteps {
            let metrics = trainer.step(&state)
            log.append(metrics)
            progress(metrics)
            if config.sft.saveSteps > 0, state.step % config.sft.saveSteps == 0, state.step < config.sft.maxSteps {
                try store.save(state, config: config)
            }
        }
        try store.save(state, config: config)
        let accuracy = gateAccuracy(state.model)
        guard accuracy >= config.sft.gateAccuracy else {
            throw .sftGateFailed(accuracy: accuracy, required: config.sft.gateAccuracy)
        }
        return (state, accuracy)
    }

    /// Think-mode accuracy on held-out hard items.
    public func gateAccuracy(_ model: Transformer) -> Double {
        let generator = TaskGenerator(hardFraction: 1)
        let items = generator.evaluationSet(count: config.sft.gateItems, seed: config.seed &+ 17)
        return ModeAccuracy.forced(thinking: true, model: model, items: items, maxNewTokens: config.rl.maxCompletionLength)
    }
}
