/// Something in the input that was read but probably not meant: the rollout is still scored.
public struct RewardWarning: Sendable, Hashable {
    /// Machine-readable code.
    public var code: WarningCode
    /// What was noticed and what to do, for a person.
    public var message: String
    /// The field concerned, such as `groundtruth` or `config.alhpa`.
    public var field: String?

    /// Creates a warning.
    public init(code: WarningCode, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }
}

/// Every warning code, one list; `docs/api.md` has a table of them.
public enum WarningCode: String, Sendable, Hashable, CaseIterable {
    /// A rollout or request field this version does not know; it was ignored.
    case unknownField = "unknown_field"
    /// A `config` key this version does not know; it was ignored.
    case unknownConfigKey = "unknown_config_key"
    /// A control character where a LaTeX command was probably meant (`"\boxed"` read as backspace + `oxed`).
    case controlCharacter = "control_character"
    /// A rollout's `task` is not in the server's or request's task map; its own fields were used.
    case unknownTask = "unknown_task"
    /// An OpenRLHF query did not start with its prompt; the response was found after the chat template's assistant header.
    case promptNotPrefix = "prompt_not_prefix"
}
