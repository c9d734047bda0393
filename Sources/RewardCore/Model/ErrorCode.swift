/// Every machine-readable code a `RewardError` carries, one list: the API's error bodies, per-item errors and
/// abstentions. `docs/api.md` has a table of them, and a test fails when one is missing there.
public enum ErrorCode: String, Sendable, Hashable, CaseIterable {
    /// The body or line is not valid JSON; the message names the line, column and problem.
    case invalidJSON = "invalid_json"
    /// A field has the wrong JSON type.
    case wrongType = "wrong_type"
    /// A required field is missing.
    case missingField = "missing_field"
    /// A number is outside its allowed range.
    case outOfRange = "out_of_range"
    /// A string is not one of the allowed values.
    case invalidValue = "invalid_value"
    /// A custom formula does not parse; the message names the position.
    case invalidFormula = "invalid_formula"
    /// OpenRLHF's lists differ in length.
    case lengthMismatch = "length_mismatch"
    /// An OpenRLHF query does not start with its prompt.
    case queryPromptMismatch = "query_prompt_mismatch"
    /// A rescore input line is over `--max-line-bytes`.
    case lineTooLong = "line_too_long"
    /// The request body is over `max_body_bytes`.
    case bodyTooLarge = "body_too_large"
    /// More rollouts than `max_batch_size`.
    case batchTooLarge = "batch_too_large"
    /// A prompt, response, ground truth or image over `max_field_bytes`.
    case fieldTooLarge = "field_too_large"
    /// The judge queue is full; retry after `Retry-After`.
    case queueFull = "queue_full"
    /// A bearer token is required and was missing or wrong.
    case unauthorized
    /// No route has this path.
    case notFound = "not_found"
    /// The route exists but not for this method; `Allow` lists the methods it takes.
    case methodNotAllowed = "method_not_allowed"
    /// The client was too slow to send its request.
    case requestTimeout = "request_timeout"
    /// Another HTTP-level refusal, named in the message.
    case httpError = "http_error"
    /// An unexpected failure; the body holds no internals.
    case `internal`
    /// The formula's value is not a finite number (division by zero).
    case formulaNotFinite = "formula_not_finite"
    /// The answer needs a ground truth or an answer judge and has neither.
    case noGroundTruth = "no_ground_truth"
    /// `answer_type: judge` without a configured LLM judge.
    case noAnswerJudge = "no_answer_judge"
    /// `answer_type: code` without a configured sandbox (`sandbox`).
    case noSandbox = "no_sandbox"
    /// The sandbox could not run the code (bubblewrap missing or failing); not the code's fault.
    case sandboxUnavailable = "sandbox_unavailable"
    /// A component the formula needs could not be evaluated.
    case componentUnavailable = "component_unavailable"
    /// The judge did not answer within `judge_timeout`.
    case judgeTimeout = "judge_timeout"
    /// The judge kept answering 429 after the retries.
    case judgeRateLimited = "judge_rate_limited"
    /// The judge kept answering 5xx after the retries.
    case judgeServerError = "judge_server_error"
    /// The judge could not be reached.
    case judgeUnreachable = "judge_unreachable"
    /// The judge's answer could not be parsed as a verdict, twice.
    case judgeUnparseable = "judge_unparseable"
    /// The judge refused the request (4xx other than 429).
    case judgeRejected = "judge_rejected"
    /// A judge token budget (the server's window or the request's `max_judge_tokens`) is spent.
    case judgeBudgetExhausted = "judge_budget_exhausted"
    /// The think-judge's answers disagreed when its two questions were asked in the other order.
    case judgeInconsistent = "judge_inconsistent"
    /// A result read back carried a code this version does not know; the message keeps it.
    case unrecognized
}

extension ErrorCode: CustomStringConvertible {
    /// The wire spelling, so that messages and logs show `missing_field`, not the case name.
    public var description: String { rawValue }
}

extension ErrorCode {
    /// Whether the code says the judge was down or overloaded (not that it answered badly): worth waiting out.
    public var isJudgeOutage: Bool {
        self == .judgeTimeout || self == .judgeRateLimited || self == .judgeServerError || self == .judgeUnreachable
    }
}
