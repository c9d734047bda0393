import AnswerCheck

extension RequestConfig {
    /// The `config` keys the contract defines; others are ignored and named in a warning.
    static let keys: [String] = [
        "alpha", "preset", "formula", "short_circuit", "advantage", "tolerance", "think_words", "direct_words", "fallback_reward",
        "layout", "extraction", "percent", "set_relations", "tasks", "accuracy_from", "accuracy_threshold", "max_judge_tokens", "include",
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
            layout = try WireField.choice(Layout.self, object, "layout")
            extraction = try WireField.choice(Extraction.self, object, "extraction")
            percent = try WireField.choice(MathAnswerChecker.PercentPolicy.self, object, "percent")
            setRelations = try WireField.choice(MathAnswerChecker.RelationSetPolicy.self, object, "set_relations")
            accuracyFrom = try WireField.choice(AccuracyRule.Source.self, object, "accuracy_from")
            accuracyThreshold = try WireField.number(object, "accuracy_threshold", in: 0...1)
            maxJudgeTokens = try WireField.number(object, "max_judge_tokens", in: 0...1e15).map { Int($0) }
            include = try WireField.strings(object, "include")
            tasks = try WireField.present(object, "tasks").map { value throws(RewardError) in try TaskProfile.map(wire: value) }
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
        if let layout { key("layout"); writer.string(layout.rawValue) }
        if let extraction { key("extraction"); writer.string(extraction.rawValue) }
        if let percent { key("percent"); writer.string(percent.rawValue) }
        if let setRelations { key("set_relations"); writer.string(setRelations.rawValue) }
        if let accuracyFrom { key("accuracy_from"); writer.string(accuracyFrom.rawValue) }
        if let accuracyThreshold { key("accuracy_threshold"); writer.number(accuracyThreshold) }
        if let maxJudgeTokens { key("max_judge_tokens"); writer.number(maxJudgeTokens) }
        if let include { key("include"); writer.strings(include) }
        if let tasks {
            key("tasks")
            writer.raw("{")
            for (offset, (name, profile)) in tasks.sorted(by: { $0.key < $1.key }).enumerated() {
                writer.memberKey(name, first: offset == 0)
                profile.write(to: &writer)
            }
            writer.raw("}")
        }
        writer.raw("}")
    }
}

extension TaskProfile {
    /// The keys a task profile may hold.
    static let keys: [String] = ["answer_type", "answer_options", "layout", "answer_threshold"]

    /// Reads `{"NAME": {"answer_type": ..., "answer_options": {...}, "layout": ..., "answer_threshold": ...}, ...}`;
    /// errors name the field as `tasks.NAME.KEY`, and unknown keys are errors (a task map is written once, by hand).
    public static func map(wire value: JSONValue) throws(RewardError) -> [String: TaskProfile] {
        guard case .object(let object) = value else {
            throw RewardError(code: .wrongType, message: "tasks must be a JSON object of task names", field: "tasks")
        }
        var profiles: [String: TaskProfile] = [:]
        for (name, member) in object.members {
            do throws(RewardError) {
                guard case .object(let fields) = member else { throw WireField.wrongType("", "an object") }
                if let unknown = fields.members.map(\.key).first(where: { !keys.contains($0) }) {
                    throw RewardError(code: .invalidValue, message: "unknown key '\(unknown)' (known: \(keys.joined(separator: ", ")))", field: unknown)
                }
                profiles[name] = TaskProfile(
                    answerType: try WireField.choice(AnswerType.self, fields, "answer_type"),
                    answerOptions: try WireField.present(fields, "answer_options").map { value throws(RewardError) in try AnswerOptions(wire: value) },
                    layout: try WireField.choice(Layout.self, fields, "layout"),
                    answerThreshold: try WireField.number(fields, "answer_threshold", in: 0...1)
                )
            } catch {
                throw error.nested(under: "tasks.\(name)")
            }
        }
        return profiles
    }

    /// Reads a task map from the bytes of a JSON file (the server's `tasks_file`).
    public static func map(json bytes: [UInt8]) throws(RewardError) -> [String: TaskProfile] {
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        } catch {
            throw Wire.invalidJSON(error, what: "the tasks file")
        }
        return try map(wire: value)
    }

    /// Writes the profile as a task map entry.
    func write(to writer: inout JSONWriter) {
        writer.raw("{")
        var first = true
        func key(_ name: String) {
            writer.memberKey(name, first: first)
            first = false
        }
        if let answerType { key("answer_type"); writer.string(answerType.rawValue) }
        if let answerOptions { key("answer_options"); answerOptions.write(to: &writer) }
        if let layout { key("layout"); writer.string(layout.rawValue) }
        if let answerThreshold { key("answer_threshold"); writer.number(answerThreshold) }
        writer.raw("}")
    }
}
