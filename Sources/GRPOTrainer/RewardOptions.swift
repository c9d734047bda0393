import ArgumentParser
import GRPO
import RewardClient
import RewardCore

/// How the trainer reaches the reward service.
struct RewardOptions: ParsableArguments {
    @Option(help: "Base URL of `referee serve` (POST /reward), or 'local' to score in process with Referee's engine in rules mode.")
    var rewardURL: String
    @Option(help: "Attempts per batch before stopping (connection errors, 429 and 5xx back off exponentially, honouring Retry-After).")
    var rewardAttempts = 5
    @Option(help: "Seconds before one reward request times out.") var rewardTimeout: Double = 120

    /// The prompt selector: the service's `POST /sample`, or statistics in process with `local`.
    func selector() throws -> any PromptSelecting {
        if rewardURL == "local" { return LocalPromptSelector() }
        guard let service = try client() as? RewardServiceClient else { return LocalPromptSelector() }
        return service
    }

    func client() throws -> any RewardScorer {
        if rewardURL == "local" { return RewardEngine() }
        do {
            return try RewardServiceClient(base: rewardURL, timeoutSeconds: rewardTimeout, attempts: rewardAttempts, initialBackoff: .milliseconds(250))
        } catch {
            throw ValidationError("--reward-url must be an http(s) URL or 'local': \(error.message)")
        }
    }
}

extension SamplingStrategy: ExpressibleByArgument {}
