import Foundation
import Logging
import RewardCore

extension LLMJudge {
    /// What one attempt came to: an answer, or a failure worth retrying (after `wait` seconds if the judge said).
    enum Attempt {
        case answered(TransportResponse)
        case retryable(JudgeFailure, wait: Double?)
    }

    /// POSTs `body`, retrying connection errors, timeouts, 429 and 5xx with backoff; returns a 2xx answer.
    func post(body: Data, kind: VerdictKind) async throws -> TransportResponse {
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key = configuration.apiKey, !key.isEmpty { headers["Authorization"] = "Bearer \(key)" }
        let request = TransportRequest(
            url: configuration.endpoint, headers: headers, body: body, timeoutSeconds: configuration.timeoutSeconds)
        var attempt = 0
        while true {
            switch try await attemptOnce(request) {
            case .answered(let response):
                return response
            case .retryable(var failure, let wait):
                guard attempt < retry.maxRetries else {
                    logger.error(
                        "judge call failed",
                        metadata: ["kind": "\(kind.rawValue)", "cause": "\(failure.cause.rawValue)", "attempts": "\(attempt + 1)"])
                    failure.message += " (after \(attempt + 1) attempts)"
                    throw failure
                }
                let delay = wait ?? retry.backoff(afterAttempt: attempt)
                logger.warning(
                    "judge call will be retried",
                    metadata: [
                        "kind": "\(kind.rawValue)", "cause": "\(failure.cause.rawValue)", "attempt": "\(attempt + 1)",
                        "delay_s": "\(delay)",
                    ])
                try await sleeper.sleep(seconds: delay)
                attempt += 1
            }
        }
    }

    /// One HTTP attempt under the concurrency limit; throws only what retrying cannot fix.
    private func attemptOnce(_ request: TransportRequest) async throws -> Attempt {
        let response: TransportResponse
        do {
            response = try await limiter.withPermit { try await transport.send(request) }
        } catch let error as TransportError {
            switch error {
            case .timeout:
                return .retryable(
                    JudgeFailure(cause: .timeout, message: "no judge answer within \(configuration.timeoutSeconds) s"),
                    wait: nil)
            case .unreachable(let how):
                return .retryable(JudgeFailure(cause: .unreachable, message: "judge unreachable: \(how)"), wait: nil)
            case .bodyTooLarge(let size):
                throw JudgeFailure(cause: .unparseable, message: "judge answer too large (\(size) bytes)")
            }
        }
        switch response.status {
        case 200..<300:
            return .answered(response)
        case 429:
            let asked = RetryPolicy.retryAfterSeconds(response.headers["retry-after"])
            if let asked, asked > retry.maxDelay {
                throw JudgeFailure(
                    cause: .rateLimited,
                    message: "the judge asked to retry after \(asked) s, longer than the \(retry.maxDelay) s allowed")
            }
            return .retryable(
                JudgeFailure(cause: .rateLimited, message: "the judge answered 429 Too Many Requests"), wait: asked)
        case 500..<600:
            return .retryable(
                JudgeFailure(cause: .serverError, message: "the judge answered HTTP \(response.status)"), wait: nil)
        default:
            // 4xx other than 429: the request or the credentials are wrong; retrying cannot help.
            throw JudgeFailure(cause: .rejected, message: "the judge rejected the call with HTTP \(response.status)")
        }
    }
}
