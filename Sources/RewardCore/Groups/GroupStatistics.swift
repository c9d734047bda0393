/// A group's statistics over its non-null rewards.
public struct GroupSummary: Sendable, Equatable, Codable {
    /// How many rollouts of the group have a reward.
    public var n: Int
    /// Mean reward; nil when no rollout has one.
    public var mean: Double?
    /// Sample standard deviation (n - 1); 0 for a group of one, nil for none.
    public var std: Double?
    /// Every reward equal: the group gives no learning signal.
    public var degenerate: Bool
    /// The share of its scored rollouts whose `accuracy` is 1; nil when none has one.
    public var passRate: Double?
    /// `p(1 - p)` of the pass rate (MMR1's learnability): highest for prompts solved half the time.
    public var learnability: Double? { passRate.map { $0 * (1 - $0) } }
    /// False for a group DAPO's dynamic sampling would drop: every reward equal, so no advantage.
    public var keep: Bool { !degenerate }

    /// Creates a summary.
    public init(n: Int, mean: Double?, std: Double?, degenerate: Bool, passRate: Double? = nil) {
        self.n = n
        self.mean = mean
        self.std = std
        self.degenerate = degenerate
        self.passRate = passRate
    }
}

/// GRPO advantages and group summaries per spec section 4.
public enum GroupStatistics {
    /// Added to the standard deviation before dividing, as TRL and verl do.
    public static let epsilon = 1e-6

    /// Summarises a group's rewards; nil rewards (abstentions) are left out.
    public static func summary(of rewards: [Double?]) -> GroupSummary {
        let values = rewards.compactMap { $0 }
        guard let first = values.first else { return GroupSummary(n: 0, mean: nil, std: nil, degenerate: true) }
        // Equal rewards give exactly zero spread, not a rounding residue that 1e-6 would blow up.
        if values.allSatisfy({ $0 == first }) { return GroupSummary(n: values.count, mean: first, std: 0, degenerate: true) }
        let mean = values.reduce(0, +) / Double(values.count)
        var std = 0.0
        if values.count > 1 {
            let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            std = (squares / Double(values.count - 1)).squareRoot()
        }
        return GroupSummary(n: values.count, mean: mean, std: std, degenerate: false)
    }

    /// The advantage of `reward` in a group with `summary`; 0 for a group of one.
    public static func advantage(of reward: Double, in summary: GroupSummary, mode: AdvantageMode) -> Double? {
        guard let mean = summary.mean, let std = summary.std else { return nil }
        if summary.n < 2 { return mode == .none ? nil : 0 }
        switch mode {
        case .grpo: return (reward - mean) / (std + epsilon)
        case .drgrpo: return reward - mean
        case .none: return nil
        }
    }

    /// Sets each grouped result's advantage and returns the summary of every group.
    public static func apply(to results: inout [RewardResult], mode: AdvantageMode) -> [String: GroupSummary] {
        var members: [String: [Int]] = [:]
        for (offset, result) in results.enumerated() {
            if let group = result.group { members[group, default: []].append(offset) }
        }
        var summaries: [String: GroupSummary] = [:]
        for (group, offsets) in members {
            var summary = summary(of: offsets.map { results[$0].reward })
            let accuracies = offsets.compactMap { results[$0].accuracy }
            summary.passRate = accuracies.isEmpty ? nil : accuracies.reduce(0, +) / Double(accuracies.count)
            summaries[group] = summary
            for offset in offsets {
                results[offset].advantage = results[offset].reward.flatMap { advantage(of: $0, in: summary, mode: mode) }
            }
        }
        return summaries
    }
}
