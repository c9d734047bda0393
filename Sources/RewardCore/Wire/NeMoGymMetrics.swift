/// NeMo-Gym's `/aggregate_metrics`: reward statistics per task and over every rollout.
public enum NeMoGymMetrics {
    /// Reads `{"verify_responses": [{"_ng_task_index": N, "reward": R, "abstained": B, ...}, ...]}` and writes
    /// `{"group_level_metrics": [...], "agent_metrics": {...}, "key_metrics": {...}}`, with `mean/`, `max/`,
    /// `min/`, `median/` and `std/` of `reward`, and the share of abstained rollouts.
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
            byTask[task, default: []].append((reward, response["abstained"]?.bool ?? false))
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
        writer.key("agent_metrics")
        writer.raw("{")
        writeStatistics(all, to: &writer)
        writer.raw("},")
        writer.key("key_metrics")
        writer.raw("{")
        writer.key("mean/reward")
        writer.number(all.isEmpty ? nil : all.map(\.reward).reduce(0, +) / Double(all.count))
        writer.raw("}}")
        return writer.bytes
    }

    private static func writeStatistics(_ rows: [(reward: Double, abstained: Bool)], to writer: inout JSONWriter) {
        let rewards = rows.map(\.reward).sorted()
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
        writer.number(rows.isEmpty ? nil : Double(rows.count(where: \.abstained)) / count)
    }
}
