import RewardClient
import RewardCore

/// One call to the reward scorer, its failures turned into the trainer's error.
enum RewardCall {
    /// Scores `rollouts` with `advantage`; one result per rollout, or `TrainerError.rewardService` saying why not.
    static func score(_ rollouts: [Rollout], advantage: AdvantageMode, with scorer: any RewardScorer) async throws -> BatchResult {
        let batch: BatchResult
        do {
            batch = try await scorer.score(rollouts, config: RequestConfig(advantage: advantage))
        } catch let error as RewardClientError {
            throw TrainerError.rewardService(error.message)
        } catch let error as RewardError {
            throw TrainerError.rewardService(error.message)
        }
        guard batch.results.count == rollouts.count else {
            throw TrainerError.rewardService("sent \(rollouts.count) rollouts, got \(batch.results.count) results")
        }
        return batch
    }
}

extension TaskItem {
    /// The rollout the reward service scores for one response to this item.
    func rollout(id: String, response: String, group: String?) -> Rollout {
        Rollout(
            id: .string(id), prompt: prompt, response: response, groundTruths: [String(answer)],
            requiresReasoning: requiresReasoning, group: group)
    }
}
