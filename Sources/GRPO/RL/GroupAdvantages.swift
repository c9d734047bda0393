/// GRPO group statistics, as REWARD_SPEC section 4 defines them.
public enum GroupAdvantages {
    /// Advantages for `rewards` keyed by group; nil rewards (abstained) get nil and are left out.
    ///
    /// `mode` is `grpo` ((r - mean) / (std + 1e-6), sample std), `drgrpo` (r - mean) or `none`.
    public static func compute(rewards: [Double?], groups: [String?], mode: String) -> (advantages: [Double?], summaries: [String: GroupSummary]) {
        var members: [String: [Int]] = [:]
        for (i, g) in groups.enumerated() {
            if let g, rewards[i] != nil { members[g, default: []].append(i) }
        }
        var advantages = [Double?](repeating: nil, count: rewards.count)
        var summaries: [String: GroupSummary] = [:]
        for (g, idx) in members {
            let r = idx.map { rewards[$0]! }
            let mean = r.reduce(0, +) / Double(r.count)
            let std = r.count > 1 ? (r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(r.count - 1)).squareRoot() : 0
            summaries[g] = GroupSummary(n: r.count, mean: mean, std: std, degenerate: Set(r).count <= 1)
            for i in idx where mode != "none" {
                let centred = rewards[i]! - mean
                advantages[i] = r.count == 1 ? 0 : (mode == "drgrpo" ? centred : centred / (std + 1e-6))
            }
        }
        return (advantages, summaries)
    }
}
