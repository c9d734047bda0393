import Foundation

/// One HTTP POST to a judge: the body is a chat-completions JSON document.
public struct TransportRequest: Sendable {
    /// Full endpoint URL.
    public var url: String
    /// Request headers; the authorization header is among them and must never be logged.
    public var headers: [String: String]
    /// The JSON body.
    public var body: Data
    /// Per-call timeout in seconds.
    public var timeoutSeconds: Double

    /// Creates a request.
    public init(url: String, headers: [String: String], body: Data, timeoutSeconds: Double) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeoutSeconds = timeoutSeconds
    }
}

/// The judge's HTTP answer.
public struct TransportResponse: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Response headers with lowercased names.
    public var headers: [String: String]
    /// The response body.
    public var body: Data

    /// Creates a response; header names are lowercased.
    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }
}

/// A transport-level failure: no HTTP answer at all.
public enum TransportError: Error, Sendable, Equatable {
    /// The connection could not be made or broke; the text says how, without secrets.
    case unreachable(String)
    /// No answer within the per-call timeout.
    case timeout
    /// The answer was larger than the transport accepts.
    case bodyTooLarge(Int)
}

/// Sends one chat-completions request; swappable so tests and other HTTP stacks can stand in.
public protocol JudgeTransport: Sendable {
    /// Sends `request` and returns the judge's answer, or throws `TransportError`.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
