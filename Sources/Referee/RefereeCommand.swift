import ArgumentParser

/// `referee`: the reward-judging service and its tools.
@main
struct RefereeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referee",
        abstract: "Reward judging for RL post-training: SAIL-RL dual reward over HTTP and on the command line.",
        subcommands: [ServeCommand.self, ScoreCommand.self, RescoreCommand.self, DiffCommand.self, CacheCommand.self, StatsCommand.self, JudgeEvalCommand.self, HealthcheckCommand.self]
    )
}
