import Foundation
import RewardCore

/// Drives the RL stage: start from an SFT checkpoint or resume, step, log, save.
public struct RLRun: Sendable {
    /// Settings.
    public let config: TrainerConfig
    /// Checkpoints and metrics go here.
    public let outputDirectory: URL
    /// Where to resume from; a fresh start needs `initFrom`.
    public let resume: ResumeMode
    /// SFT checkpoint whose weights start a fresh RL run.
    public let initFrom: URL?
    /// The reward service.
    public let client: any RewardScorer
    /// Chooses each step's prompts when `rl.sampler` is set.
    public let selector: (any PromptSelecting)?

    /// A run.
    public init(
        config: TrainerConfig, outputDirectory: URL, resume: ResumeMode, initFrom: URL?, client: any RewardScorer,
        selector: (any PromptSelecting)? = nil
    ) {
        self.config = config
        self.outputDirectory = outputDirectory
        self.resume = resume
        self.initFrom = initFrom
        self.client = client
        self.selector = selector
    }

    /// The state to start from: a resumed RL checkpoint or SFT weights with a fresh optimizer.
    public func initialState() throws(TrainerError) -> TrainingState {
        let store = CheckpointStore(directory: outputDirectory)
        if let url = resume.checkpoint(in: store) {
            let state = try CheckpointStore.load(url).state
            guard state.stage == .rl else { throw .invalidCheckpoint("\(url.path) is not an RL checkpoint (use --init for SFT weights)") }
            guard state.model.config == config.model else { throw .invalidCheckpoint("\(url.path) holds another model shape") }
            return state
        }
        guard let initFrom else {
            throw .invalidConfig("no RL checkpoint to resume in \(outputDirectory.path); pass --init with an SFT checkpoint")
        }
        let sft = try CheckpointStore.load(initFrom).state
        guard sft.model.config == config.model else { throw .invalidCheckpoint("\(initFrom.path) holds another model shape") }
        var state = TrainingState(
            stage: .rl, model: sft.model,
            optimizer: AdamWConfig(learningRate: config.rl.learningRate, weightDecay: config.rl.weightDecay), seed: config.seed)
        if config.rl.beta > 0 { state.reference = sft.model }
        return state
    }

    /// Trains to `rl.max_steps`; `progress` sees every step.
    public func run(progress: (RLStepMetrics) -> Void) async throws -> TrainingState {
        try config.validate()
        var state = try initialState()
        let store = CheckpointStore(directory: outputDirectory)
        let log = try MetricsLog(url: outputDirectory.appendingPathComponent("metrics.jsonl"))
        let trainer = RLTrainer(config: config, client: client, selector: selector)
        while state.step < config.rl.maxSteps {
            let metrics = try await trainer.step(&state)
            log.append(metrics)
            progress(metrics)
            if config.rl.saveSteps > 0, state.step % config.rl.saveSteps == 0, state.step < config.rl.maxSteps {
                try store.save(state, config: config)
            }
        }
        try store.save(state, config: config)
        return state
    }
}
