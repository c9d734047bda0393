import ArgumentParser
import Foundation
import GRPO

/// How the trainer reaches the reward service.
struct RewardOptions: ParsableArguments {
    @Option(help: "Base URL of `referee serve` (POST /reward), or 'local' for the in-process rules stand-in.")
    var rewardURL: String
    @Option(help: "Attempts per batch before stopping (retryable failures back off exponentially).")
    var rewardAttempts = 5
    @Option(help: "Seconds before one reward request times out.") var rewardTimeout: Double = 120

    func client() throws -> any RewardClient {
        if rewardURL == "local" { return LocalRulesReward() }
        guard let url = URL(string: rewardURL), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--reward-url must be an http(s) URL or 'local', got '\(rewardURL)'")
        }
        return RetryingRewardClient(base: HTTPRewardClient(baseURL: url, timeout: rewardTimeout), maxAttempts: rewardAttempts)
    }
}
