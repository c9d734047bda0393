import ArgumentParser
import Foundation
import GRPO

/// `grpo-trainer sft`: supervised stage and its gate.
struct SFTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sft", abstract: "Supervised fine-tuning with a random think/direct choice.")

    @OptionGroup var common: CommonOptions

    @Option(help: "SFT optimizer steps (overrides the preset).") var maxSteps: Int?
    @Option(help: "Sequences per SFT step.") var batchSize: Int?
    @Option(help: "Peak SFT learning rate.") var learningRate: Float?

    func run() throws {
        var config = try common.config()
        if let maxSteps { config.sft.maxSteps = maxSteps }
        if let batchSize { config.sft.perDeviceTrainBatchSize = batchSize }
        if let learningRate { config.sft.learningRate = learningRate }
        let progress = Progress(total: config.sft.maxSteps)
        let run = SFTRun(config: config, outputDirectory: common.outputURL, resume: ResumeMode(common.resume))
        do {
            let (state, accuracy) = try run.run { m in
                progress.show(step: m.step, "loss \(fmt(m.loss)) lr \(fmt(m.learningRate, 5)) \(Int(m.timing.tokensPerSecond)) tok/s")
            }
            progress.finish()
            print("SFT done: \(state.step) steps; think-mode accuracy on held-out hard items \(fmt(accuracy)) (gate \(config.sft.gateAccuracy))")
        } catch {
            progress.finish()
            throw error.exit
        }
    }
}
