/// Why a judge could not be built; raised once at start-up, never per request.
public struct JudgeSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A machine-readable code: `missing_prompt`, `bad_prompt`, `bad_configuration`.
    public var code: String
    /// What is wrong, naming the file or field.
    public var message: String

    /// Creates a setup error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, for command-line output.
    public var description: String { message }
}
