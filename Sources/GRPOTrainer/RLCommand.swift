import ArgumentParser
import Foundation
import GRPO
import RewardCore

/// `grpo-trainer rl`: GRPO/DAPO against the reward service.
struct RLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rl", abstract: "GRPO/DAPO from an SFT checkpoint, rewarded over HTTP.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var reward: RewardOptions

    @Option(help: "SFT checkpoint (global_step_N/) to start a fresh run from.") var initFrom: String?
    @Option(help: "RL steps.") var maxSteps: Int?
    @Option(help: "Prompts per step.") var trainBatchSize: Int?
    @Option(help: "Rollouts per prompt (G).") var numGenerations: Int?
    @Option(help: "Learning rate.") var learningRate: Float?
    @Option(help: "grpo, dapo or dr_grpo (aggregation and advantage scaling).") var lossType: LossAggregation?
    @Option(help: "k3 KL coefficient to the SFT policy.") var beta: Float?
    @Option(help: "Sampling temperature.") var temperature: Float?
    @Option(help: "Nucleus mass.") var topP: Float?
    @Option(help: "Lower clip range.") var epsilon: Float?
    @Option(help: "Upper clip range.") var epsilonHigh: Float?
    @Option(help: "Passes over each batch.") var numIterations: Int?
    @Option(help: "DAPO overlong buffer in tokens (0 = off).") var overlongBufferLength: Int?
    @Option(help: "Dynamic sampling: drop degenerate groups and refill (true/false).") var filterGroups: Bool?
    @Option(help: "Choose each step's prompts from a fixed pool by their statistics: vade, learnability or uniform (through POST /sample, or in process with --reward-url local); unset draws fresh random tasks.") var sampler: SamplingStrategy?
    @Option(help: "Size of the fixed prompt pool the sampler chooses from.") var promptPoolSize: Int?

    func run() async throws {
        var c = try common.config()
        if let maxSteps { c.rl.maxSteps = maxSteps }
        if let trainBatchSize { c.rl.trainBatchSize = trainBatchSize }
        if let numGenerations { c.rl.numGenerations = numGenerations }
        if let learningRate { c.rl.learningRate = learningRate }
        if let lossType { c.rl.lossType = lossType }
        if let beta { c.rl.beta = beta }
        if let temperature { c.rl.temperature = temperature }
        if let topP { c.rl.topP = topP }
        if let epsilon { c.rl.epsilon = epsilon }
        if let epsilonHigh { c.rl.epsilonHigh = epsilonHigh }
        if let numIterations { c.rl.numIterations = numIterations }
        if let overlongBufferLength { c.rl.overlongBufferLength = overlongBufferLength }
        if let filterGroups { c.rl.filterGroups = filterGroups }
        if let sampler { c.rl.sampler = sampler }
        if let promptPoolSize { c.rl.promptPoolSize = promptPoolSize }
        let progress = Progress(total: c.rl.maxSteps)
        let run = RLRun(
            config: c, outputDirectory: common.outputURL, resume: ResumeMode(common.resume),
            initFrom: initFrom.map { URL(fileURLWithPath: $0) }, client: try reward.client(), selector: try reward.selector())
        do {
            let state = try await run.run { m in
                progress.show(
                    step: m.step,
                    "reward \(fmt(m.reward)) judge \(fmt(m.judgeAccuracy)) answer \(fmt(m.answerAccuracy)) "
                        + "format \(fmt(m.formatRate)) kept \(m.groupsKept) dropped \(m.groupsDropped) \(Int(m.timing.tokensPerSecond)) tok/s")
            }
            progress.finish()
            print("RL done: \(state.step) steps; checkpoint in \(common.output)")
        } catch let error as TrainerError {
            progress.finish()
            throw error.exit
        }
    }
}

extension LossAggregation: ExpressibleByArgument {}
