/// One scripted answer from the fake judge, taken from the front of a `JudgeScript`'s queue.
public enum ScriptStep: Sendable, Equatable {
    /// A chat completion whose message content is `text`.
    case verdict(String)
    /// An empty answer with this HTTP status.
    case status(Int)
    /// 429 with the given `Retry-After` header value.
    case rateLimited(retryAfter: String)
    /// Waits this many seconds, then answers the default (longer than the client's timeout: a timeout).
    case delay(Double)
    /// A 200 whose body is exactly `body` (garbage, truncated JSON).
    case rawBody(String)
}

/// How the fake judge answers once its queue is empty; switched at run time by `POST /control`.
public enum FakeJudgeMode: String, Sendable, CaseIterable {
    /// Answers the scripted rules or the defaults.
    case ok
    /// 429 with `Retry-After: 1`.
    case rateLimited = "rate_limited"
    /// 500 with an empty body.
    case error
    /// Answers only after the script's `stallSeconds`.
    case stall
    /// A 200 whose body is truncated JSON.
    case garbage

    /// The step this mode answers with, or nil when the rules and defaults answer.
    func step(stallSeconds: Double) -> ScriptStep? {
        switch self {
        case .ok: nil
        case .rateLimited: .rateLimited(retryAfter: "1")
        case .error: .status(500)
        case .stall: .delay(stallSeconds)
        case .garbage: .rawBody(#"{"choices": ["#)
        }
    }
}
