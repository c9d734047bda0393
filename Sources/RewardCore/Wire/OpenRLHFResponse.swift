extension BatchResult {
    /// The `/get_reward` answer: `rewards`, `scores` (abstained items get `fallback`) and
    /// `extra_logs` with one numeric list per component (the value the formula used, 0 when none) and `abstained`.
    public func openRLHFJSON(fallback: Double) -> [UInt8] {
        var writer = JSONWriter(capacity: 64 * results.count + 256)
        let rewards = results.map { $0.reward ?? fallback }
        writer.raw("{")
        for (offset, name) in ["rewards", "scores"].enumerated() {
            writer.comma(offset > 0)
            writer.key(name)
            writeList(rewards, to: &writer)
        }
        writer.raw(",")
        writer.key("extra_logs")
        writer.raw("{")
        for component in ComponentName.allCases {
            writer.key(component.rawValue)
            writeList(results.map { Self.loggedValue(of: component, in: $0) }, to: &writer)
            writer.raw(",")
        }
        writer.key("abstained")
        writeList(results.map { $0.reward == nil ? 1 : 0 }, to: &writer)
        writer.raw("}}")
        return writer.bytes
    }

    static func loggedValue(of component: ComponentName, in result: RewardResult) -> Double {
        if let value = result.components[component] { return value }
        return result.skipped[component].flatMap(SkipReason.init(rawValue:)).map { $0.countsAsOne ? 1 : 0 } ?? 0
    }

    private func writeList(_ values: [Double], to writer: inout JSONWriter) {
        writer.raw("[")
        for (offset, value) in values.enumerated() {
            writer.comma(offset > 0)
            writer.number(value)
        }
        writer.raw("]")
    }
}
