import RewardCore

/// A group's statistics, as the service reports them in `groups`.
public typealias GroupSummary = RewardCore.GroupSummary

/// GRPO group statistics for the trainer's wire types, computed by the service's own `GroupStatistics`.
public enum GroupAdvantages {
    /// Advantages for `rewards` keyed by group; nil rewards (abstained) get nil and are left out.
    ///
    /// `mode` is `grpo` ((r - mean) / (std + 1e-6), sample std), `drgrpo` (r - mean) or `none`.
    public static func compute(rewards: [Double?], groups: [String?], mode: String) -> (advantages: [Double?], summaries: [String: GroupSummary]) {
        let advantageMode = AdvantageMode(rawValue: mode) ?? .grpo
        var members: [String: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            if let group, rewards[index] != nil { members[group, default: []].append(index) }
        }
        var advantages = [Double?](repeating: nil, count: rewards.count)
        var summaries: [String: GroupSummary] = [:]
        for (group, indices) in members {
            let summary = GroupStatistics.summary(of: indices.map { rewards[$0] })
            summaries[group] = summary
            for index in indices {
                advantages[index] = GroupStatistics.advantage(of: rewards[index]!, in: summary, mode: advantageMode)
            }
        }
        return (advantages, summaries)
    }
}
