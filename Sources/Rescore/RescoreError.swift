#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure of a rescore or diff run as a whole (as opposed to one bad line), with a stable code.
public struct RescoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Machine-readable code: `io`, `output_exists`, `bad_output`, `strict`, `server`, `usage`.
    public var code: String
    /// What went wrong and what to do, for a person.
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static func io(_ what: String, _ path: String, errno number: Int32) -> RescoreError {
        RescoreError(code: "io", message: "cannot \(what) \(path): \(String(cString: strerror(number)))")
    }
}
