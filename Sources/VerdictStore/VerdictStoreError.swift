/// A verdict store problem with a stable machine-readable code.
public struct VerdictStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `cache_open_failed`, `cache_missing` or `bad_duration`.
    public var code: String
    /// What is wrong, naming the path or value.
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, for command-line output.
    public var description: String { message }
}
