extension Wire {
    /// A rollout template from a trainer's label (OpenRLHF's `labels[i]`, slime's `label`, NeMo-Gym's
    /// `expected_answer`): a string or number is the ground truth, a list holds acceptable answers (or one
    /// structured value), an object with rollout-field keys sets those fields, any other object is one
    /// structured ground truth. Null, `""` and `[]` mean no ground truth: the rollout abstains
    /// (`no_ground_truth`) unless an LLM answer judge decides, instead of scoring every answer 0.
    public static func rolloutTemplate(label value: JSONValue?) -> Result<Rollout, RewardError> {
        switch value {
        case nil, .null:
            return .success(Rollout(response: ""))
        case .string(let text) where text.trimmedWhitespace.isEmpty:
            return .success(Rollout(response: ""))
        case .array(let items) where items.allSatisfy({ $0 == .null || $0.string?.trimmedWhitespace.isEmpty == true }):
            return .success(Rollout(response: ""))
        case .object(let object) where object.members.contains(where: { RolloutFields.field(named: $0.key) != nil }):
            return RolloutFields(members: object.members).item(requireResponse: false).rollout
        case let value?:
            // A bare label is the ground truth itself: its error names the label, not a field inside it.
            return RolloutFields(members: [("ground_truth", value)]).item(requireResponse: false).rollout.mapError { error in
                var error = error
                error.field = nil
                return error
            }
        }
    }

    /// The question a prompt holds: the prompt itself, or the text of the last user message of a chat
    /// message list (`content` a string, or a list of parts with `text`); nil for anything else.
    public static func promptText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .array(let messages):
            let user = messages.last { $0["role"]?.string == "user" } ?? messages.last
            return user.flatMap { $0["content"] }.flatMap(contentText)
        default: return nil
        }
    }

    /// A message's content as text: a string, or the `text` of each part joined.
    static func contentText(_ content: JSONValue) -> String? {
        switch content {
        case .string(let text): return text
        case .array(let parts): return parts.compactMap { $0["text"]?.string }.joined()
        default: return nil
        }
    }
}

extension RolloutItem {
    /// The item for a rollout already read, or for the error reading it.
    public init(_ result: Result<Rollout, RewardError>) {
        switch result {
        case .success(let rollout): self.init(rollout: result, id: rollout.id, label: rollout.requiresReasoning, warnings: rollout.warnings)
        case .failure: self.init(rollout: result, id: nil, label: nil, warnings: [])
        }
    }
}
