/// NeMo-Gym's `/aggregate_metrics`: reward statistics per task and over every rollout.
public enum NeMoGymMetrics {
    /// Reads `{"verify_responses": [{"_ng_task_index": N, "reward": R, "mask_sample": B, ...}, ...]}` and writes
    /// `{"group_level_metrics": [...], "agent_metrics": {...}, "key_metrics": {...}}`, with `mean/`, `max/`,
    /// `min/`, `median/` and `std/` of `reward` over the measured rollouts, and the share of abstained ones.
    /// As NeMo-Gym 0.7.0's own `compute_aggregate_metrics` (`nemo_gym/reward_profile.py`) does, a masked rollout
    /// (`mask_sample`, or `abstained` in a reply without it) is left out of the reward statistics, whose fallback
    /// reward is no measurement, and counted in `coverage/measured_rollouts`, `coverage/masked_rollouts`,
    /// `coverage/measured_tasks` and `coverage/fully_masked_tasks`, written only when a rollout was masked.
    public static func aggregate(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> [UInt8] {
        let object = try Wire.readDocumentObject(bytes)
        guard case .array(let responses)? = object["verify_responses"] else {
            throw RewardError(code: .missingField, message: "verify_responses (a list of verify replies) is required", field: "verify_responses")
        }
        var byTask: [Int: [(reward: Double, abstained: Bool)]] = [:]
        for (offset, response) in responses.enumerated() {
            guard let reward = response["reward"]?.double else {
                throw RewardError(code: .wrongType, message: "each verify reply needs a numeric reward", field: "verify_responses[\(offset)].reward")
            }
            let task = response["_ng_task_index"]?.integer ?? 0
            byTask[task, default: []].append((reward, response["mask_sample"]?.bool ?? response["abstained"]?.bool ?? false))
        }
        var writer = JSONWriter(capacity: 256 + 128 * byTask.count)
        writer.raw("{")
        writer.key("group_level_metrics")
        writer.raw("[")
        for (offset, task) in byTask.keys.sorted().enumerated() {
            writer.comma(offset > 0)
            writer.raw("{")
            writer.key("_ng_task_index")
            writer.number(task)
            writer.raw(",")
            writeStatistics(byTask[task]!, to: &writer)
            writer.raw("}")
        }
        writer.raw("],")
        let all = byTask.keys.sorted().flatMap { byTask[$0]! }
        let measured = all.filter { !$0.abstained }
        let coverage = coverage(byTask)
        writer.key("agent_metrics")
        writer.raw("{")
        writeStatistics(all, to: &writer)
        write(coverage, to: &writer)
        writer.raw("},")
        writer.key("key_metrics")
        writer.raw("{")
        writer.key("mean/reward")
        writer.number(measured.isEmpty ? nil : measured.map(\.reward).reduce(0, +) / Double(measured.count))
        write(coverage, to: &writer)
        writer.raw("}}")
        return writer.bytes
    }

    /// NeMo-Gym's coverage keys and counts; none when no rollout was masked.
    private static func coverage(_ byTask: [Int: [(reward: Double, abstained: Bool)]]) -> [(String, Int)] {
        let masked = byTask.values.reduce(0) { $0 + $1.count(where: \.abstained) }
        guard masked > 0 else { return [] }
        let rollouts = byTask.values.reduce(0) { $0 + $1.count }
        let measuredTasks = byTask.values.count(where: { $0.contains { !$0.abstained } })
        return [("coverage/measured_rollouts", rollouts - masked), ("coverage/masked_rollouts", masked),
                ("coverage/measured_tasks", measuredTasks), ("coverage/fully_masked_tasks", byTask.count - measuredTasks)]
    }

    private static func write(_ coverage: [(String, Int)], to writer: inout JSONWriter) {
        for (name, value) in coverage {
            writer.raw(",")
            writer.key(name)
            writer.number(value)
        }
    }

    private static func writeStatistics(_ rows: [(reward: Double, abstained: Bool)], to writer: inout JSONWriter) {
        let rewards = rows.filter { !$0.abstained }.map(\.reward).sorted()
        let count = Double(rewards.count)
        let mean = rewards.isEmpty ? nil : rewards.reduce(0, +) / count
        let median: Double? = rewards.isEmpty ? nil
            : rewards.count % 2 == 1 ? rewards[rewards.count / 2] : (rewards[rewards.count / 2 - 1] + rewards[rewards.count / 2]) / 2
        let std = mean.map { mean in (rewards.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / count).squareRoot() }
        writer.key("count")
        writer.number(rewards.count)
        for (name, value) in [("mean/reward", mean), ("max/reward", rewards.last), ("min/reward", rewards.first), ("median/reward", median), ("std/reward", std)] {
            writer.raw(",")
            writer.key(name)
            writer.number(value)
        }
        writer.raw(",")
        writer.key("abstained_share")
        writer.number(rows.isEmpty ? nil : Double(rows.count(where: \.abstained)) / Double(rows.count))
    }
}
