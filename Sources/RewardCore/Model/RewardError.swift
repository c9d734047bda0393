/// A problem with one request or rollout, with a stable code and the field it concerns.
public struct RewardError: Error, Sendable, Hashable {
    /// Machine-readable code.
    public var code: ErrorCode
    /// What is wrong, for a person.
    public var message: String
    /// The JSON path of the offending field, such as `rollouts[3].response`.
    public var field: String?

    /// Creates an error.
    public init(code: ErrorCode, message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// The same error with its field placed under `parent` (`response` becomes `rollouts[3].response`).
    public func nested(under parent: String) -> RewardError {
        var copy = self
        copy.field = field.map { parent + ($0.hasPrefix("[") ? "" : ".") + $0 } ?? parent
        return copy
    }
}
