import RewardCore

extension ResultDiff {
    /// The diff for a person; at most `limit` changed keys are listed.
    public func text(limit: Int = 20) -> String {
        var lines = ["\(joined) lines joined by \(joinedBy) (\(onlyOld) only in OLD, \(onlyNew) only in NEW)"]
        lines.append("component       up (0->1)  down (1->0)  to null  from null")
        let rows = zip(ComponentName.allCases.map(\.rawValue), components) + [("reward", reward)]
        for (name, movement) in rows {
            lines.append(RescoreSummary.pad(name, 14) + [movement.up, movement.down, movement.toNull, movement.fromNull]
                .enumerated().map { RescoreSummary.pad(String($1), [11, 13, 9, 11][$0], right: true) }.joined())
        }
        var deltas = "reward delta: mean " + (meanRewardDelta.map(Self.signed) ?? "-") + " over \(rewardCompared) lines rewarded in both"
        if let largest { deltas += "; largest " + Self.signed(largest.delta) + " at \(largest.key)" }
        lines.append(deltas)
        let shown = changed.prefix(limit).joined(separator: ", ")
        let more = changed.count > limit ? ", ... (\(changed.count - limit) more; --json lists all)" : ""
        lines.append("changed: \(changed.count)" + (changed.isEmpty ? "" : ": " + shown + more))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diff as JSON, every changed key included.
    public func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 1024 + changed.count * 16)
        writer.raw("{")
        writer.memberKey("joined_by", first: true)
        writer.string(joinedBy)
        writer.member("joined", joined)
        writer.member("only_old", onlyOld)
        writer.member("only_new", onlyNew)
        writer.memberKey("components")
        writer.raw("{")
        for (offset, name) in ComponentName.allCases.enumerated() {
            writer.memberKey(name.rawValue, first: offset == 0)
            Self.write(components[offset], to: &writer)
        }
        writer.raw("}")
        writer.memberKey("reward")
        Self.write(reward, to: &writer)
        writer.memberKey("reward_delta")
        writer.raw("{")
        writer.member("compared", rewardCompared, first: true)
        writer.member("mean", meanRewardDelta)
        writer.memberKey("largest")
        if let largest {
            writer.raw("{")
            writer.memberKey("key", first: true)
            writer.string(largest.key)
            writer.member("delta", largest.delta)
            writer.raw("}")
        } else {
            writer.raw("null")
        }
        writer.raw("}")
        writer.memberKey("changed")
        writer.raw("[")
        for (offset, key) in changed.enumerated() {
            writer.comma(offset > 0)
            writer.string(key)
        }
        writer.raw("]}")
        return writer.bytes + [UInt8(ascii: "\n")]
    }

    private static func write(_ movement: Movement, to writer: inout JSONWriter) {
        writer.object(["up": movement.up, "down": movement.down, "to_null": movement.toNull, "from_null": movement.fromNull])
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + RescoreSummary.fixed(value, 4)
    }
}
