import ArgumentParser
import Foundation
import GRPO

/// `grpo-trainer`: SFT, then GRPO/DAPO against the Referee reward service.
@main
struct GRPOTrainerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grpo-trainer",
        abstract: "Train a small transformer with SFT then GRPO/DAPO, rewarded by Referee.",
        subcommands: [SFTCommand.self, RLCommand.self, EvalCommand.self, CompareCommand.self])
}
