import Foundation
import RewardCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The one HTTP client of a running Referee's `POST /reward`, shared by the trainer and `referee rescore --server`.
/// Connection errors, 429 and 5xx are retried with doubling waits (a `Retry-After` wins when it is longer);
/// other statuses are refused at once with the service's own error message.
public struct RewardServiceClient: RewardScorer {
    /// `{base}/reward`.
    public let endpoint: URL
    /// A bearer token for a service that requires one.
    public let token: String?
    /// Attempts per batch, the first included.
    public var attempts: Int
    /// Wait before the second attempt; doubles after each failure.
    public var initialBackoff: Duration
    private let owner: SessionOwner

    /// A client for the service at `base` (such as `http://127.0.0.1:8080`); anything but an http(s) URL is refused.
    public init(
        base: String, token: String? = nil, timeoutSeconds: Double = 600, attempts: Int = 6, initialBackoff: Duration = .milliseconds(500)
    ) throws(RewardClientError) {
        guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
            throw RewardClientError(kind: .usage, message: "the reward service must be an http(s) URL such as http://127.0.0.1:8080, not '\(base)'")
        }
        endpoint = url.appendingPathComponent("reward")
        self.token = token
        self.attempts = max(1, attempts)
        self.initialBackoff = initialBackoff
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeoutSeconds
        owner = SessionOwner(URLSession(configuration: configuration))
    }

    /// Scores `rollouts` through the service; the answer must hold one result per rollout.
    public func score(_ rollouts: [Rollout], config: RequestConfig) async throws -> BatchResult {
        let answer = try await post(Wire.batchBody(rollouts, config: config))
        let batch: BatchResult
        do {
            batch = try BatchResult(wire: answer)
        } catch {
            throw RewardClientError(kind: .protocolViolation, message: "the answer of \(endpoint) is not the reward contract: \(error.message)")
        }
        guard batch.results.count == rollouts.count else {
            throw RewardClientError(kind: .protocolViolation, message: "sent \(rollouts.count) rollouts, got \(batch.results.count) results")
        }
        return batch
    }

    /// Posts a body to `/reward` (or `url`) and returns the answer's bytes, retrying what may pass later.
    public func post(_ body: [UInt8], to url: URL? = nil) async throws -> [UInt8] {
        let endpoint = url ?? endpoint
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        var wait = initialBackoff
        var problem = ""
        for attempt in 1...attempts {
            try Task.checkCancellation()
            var retryAfter: Duration?
            do {
                let (data, response) = try await owner.session.data(for: request)
                let http = response as? HTTPURLResponse
                let status = http?.statusCode ?? 0
                if status == 200 { return [UInt8](data) }
                problem = "HTTP \(status): " + String(decoding: data.prefix(300), as: UTF8.self)
                guard status == 429 || status >= 500 else { throw RewardClientError.refused(status, problem, endpoint: endpoint) }
                retryAfter = (http?.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init).map { .milliseconds(Int($0 * 1000)) }
            } catch let error as RewardClientError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                problem = error.localizedDescription
            }
            if attempt < attempts {
                let jittered = wait * Double.random(in: 0.8...1.2)
                try await Task.sleep(for: max(jittered, retryAfter ?? .zero))
                wait *= 2
            }
        }
        throw RewardClientError(kind: .unavailable, message: "the reward service at \(endpoint) failed after \(attempts) attempt(s): \(problem)")
    }
}

extension RewardServiceClient: PromptSelecting {
    /// The service's `POST /sample` choice.
    public func sample(_ request: SampleRequest) async throws -> [String] {
        let url = endpoint.deletingLastPathComponent().appendingPathComponent("sample")
        let answer = try await post(request.jsonBytes, to: url)
        let value: JSONValue
        do {
            value = try answer.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        } catch {
            throw RewardClientError(kind: .protocolViolation, message: "the answer of \(url) is not JSON: \(error.description)")
        }
        guard case .array(let prompts)? = value["prompts"] else {
            throw RewardClientError(kind: .protocolViolation, message: "the answer of \(url) has no prompts list")
        }
        return prompts.compactMap { $0["id"]?.string }
    }

    /// Nothing: the service adds what it scores to its own statistics.
    public func observe(_ items: [RolloutItem], _ results: [RewardResult]) async {}
}

/// Why a call to the reward service failed.
public struct RewardClientError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Kind: Sendable, Hashable {
        /// The client was set up wrong (not an http(s) URL).
        case usage
        /// The service refused the batch (a 4xx other than 429): trying again will not help.
        case refused
        /// Still failing after every attempt (connection errors, 429, 5xx).
        case unavailable
        /// The answer is not the reward contract.
        case protocolViolation
    }

    /// What kind of failure.
    public var kind: Kind
    /// What went wrong and what to do, for a person.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static func refused(_ status: Int, _ problem: String, endpoint: URL) -> RewardClientError {
        let hint = switch status {
        case 401: " (the service needs a bearer token: set REFEREE_AUTH_TOKEN, or name the variable that holds it)"
        case 413: " (send smaller batches so that one fits the service's max_body_bytes and max_batch_size)"
        default: ""
        }
        return RewardClientError(kind: .refused, message: "the reward service at \(endpoint) refused a batch: \(problem)\(hint)")
    }
}

/// Owns the URL session: when the last copy of the client goes, the session finishes its tasks and is released.
final class SessionOwner: Sendable {
    let session: URLSession

    init(_ session: URLSession) {
        self.session = session
    }

    deinit {
        session.finishTasksAndInvalidate()
    }
}
