extension RequestConfig {
    /// The `config` keys the contract defines; others are ignored and named in a warning.
    static let keys: [String] = [
        "alpha", "preset", "formula", "short_circuit", "advantage", "tolerance", "think_words", "direct_words", "fallback_reward",
    ]

    /// Reads a `config` object; errors name the field as `config.NAME`, unknown keys become warnings.
    init(wire value: JSONValue) throws(RewardError) {
        guard case .object(let object) = value else {
            throw RewardError(code: .wrongType, message: "config must be a JSON object", field: "config")
        }
        do throws(RewardError) {
            self.init(
                alpha: try WireField.number(object, "alpha", in: 0...1),
                preset: try WireField.choice(FormulaPreset.self, object, "preset"),
                formula: try WireField.string(object, "formula"),
                shortCircuit: try WireField.bool(object, "short_circuit"),
                advantage: try WireField.choice(AdvantageMode.self, object, "advantage"),
                tolerance: try WireField.number(object, "tolerance", in: 0...1),
                thinkWords: try WireField.strings(object, "think_words"),
                directWords: try WireField.strings(object, "direct_words"),
                fallbackReward: try WireField.number(object, "fallback_reward", in: -1e9...1e9)
            )
        } catch {
            throw error.nested(under: "config")
        }
    }

    /// A warning for each key of a `config` object that the contract does not define.
    static func warnings(for value: JSONValue) -> [RewardWarning] {
        guard case .object(let object) = value else { return [] }
        return object.members.map(\.key).filter { !keys.contains($0) }.map { name in
            let hint = FieldSpelling.closest(to: name, among: keys).map { " (did you mean '\($0)'?)" } ?? ""
            return RewardWarning(code: .unknownConfigKey, message: "unknown config key '\(name)' was ignored\(hint)", field: "config.\(name)")
        }
    }

    /// Writes the fields that are set as a `config` object.
    public func write(to writer: inout JSONWriter) {
        writer.raw("{")
        var first = true
        func key(_ name: String) {
            writer.memberKey(name, first: first)
            first = false
        }
        if let alpha { key("alpha"); writer.number(alpha) }
        if let preset { key("preset"); writer.string(preset.rawValue) }
        if let formula { key("formula"); writer.string(formula) }
        if let shortCircuit { key("short_circuit"); writer.bool(shortCircuit) }
        if let advantage { key("advantage"); writer.string(advantage.rawValue) }
        if let tolerance { key("tolerance"); writer.number(tolerance) }
        if let thinkWords { key("think_words"); writer.strings(thinkWords) }
        if let directWords { key("direct_words"); writer.strings(directWords) }
        if let fallbackReward { key("fallback_reward"); writer.number(fallbackReward) }
        writer.raw("}")
    }
}
