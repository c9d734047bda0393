import ArgumentParser
import Foundation
import RefereeServer
import RewardCore

/// `referee stats`: the prompts a run found most and least learnable, from the statistics beside the cache.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show the most and least learnable prompts, or export every prompt's statistics as CSV.")

    @OptionGroup var location: CacheCommand.Location
    @Option(help: "How many prompts to list at each end.") var top = 10
    @Option(help: "Write every prompt's statistics to this CSV file instead of listing.") var csv: String?

    func run() async throws {
        try await location.withCache { cache in
            guard let statistics = try promptStatistics(beside: cache) else {
                throw ValidationError("\(cache.location) keeps no prompt statistics")
            }
            defer { statistics.close() }
            if let csv {
                let rows = try await statistics.store.ranked(by: true, limit: Int(Int32.max))
                try Self.csv(rows).write(toFile: csv, atomically: true, encoding: .utf8)
                print("wrote \(rows.count) prompts to \(csv)")
                return
            }
            for (title, learnable) in [("most learnable", true), ("least learnable", false)] {
                print("\(title):")
                print("  prompt_id                         attempts  pass_rate  learnability  reward_mean")
                for row in try await statistics.store.ranked(by: learnable, limit: top) {
                    let id = row.id.count > 32 ? String(row.id.prefix(31)) + "…" : row.id.padding(toLength: 32, withPad: " ", startingAt: 0)
                    print("  \(id)  \(String(format: "%8d  %9.3f  %12.4f  %11.3f", row.attempts, row.passRate, row.learnability, row.rewardMean))")
                }
            }
        }
    }

    /// Every column of the statistics, one prompt per line; ids are quoted as CSV quotes them.
    static func csv(_ rows: [PromptStatistics]) -> String {
        var text = "prompt_id,attempts,successes,alpha,beta,pass_rate,learnability,reward_mean,reward_variance,first_update,last_update\n"
        for row in rows {
            let id = "\"" + row.id.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let numbers = [row.alpha, row.beta, row.passRate, row.learnability, row.rewardMean, row.rewardVariance, row.firstUpdate, row.lastUpdate]
            text += "\(id),\(row.attempts),\(row.successes)," + numbers.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        return text
    }
}
