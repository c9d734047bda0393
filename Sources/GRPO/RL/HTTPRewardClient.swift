import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Talks to `referee serve` over HTTP: one `POST /reward` per batch.
public struct HTTPRewardClient: RewardClient {
    /// The `/reward` endpoint.
    public let endpoint: URL
    private let session: URLSession

    /// A client for the service at `baseURL` (for example `http://127.0.0.1:8080`).
    public init(baseURL: URL, timeout: TimeInterval = 60) {
        endpoint = baseURL.appendingPathComponent("reward")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        session = URLSession(configuration: configuration)
    }

    /// Posts the batch; 429 and 5xx and transport failures are retryable, other statuses are not.
    public func score(_ request: RewardRequest) async throws -> RewardResponse {
        var http = URLRequest(url: endpoint)
        http.httpMethod = "POST"
        http.setValue("application/json", forHTTPHeaderField: "Content-Type")
        http.httpBody = try JSONEncoder().encode(request)
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: http)
        } catch {
            throw RewardClientError(retryable: true, message: "POST \(endpoint) failed: \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let body = String(decoding: data.prefix(300), as: UTF8.self)
            throw RewardClientError(
                retryable: status == 429 || status >= 500 || status == 0,
                message: "POST \(endpoint) answered HTTP \(status): \(body)")
        }
        let decoded: RewardResponse
        do {
            decoded = try JSONDecoder().decode(RewardResponse.self, from: data)
        } catch {
            throw RewardClientError(retryable: false, message: "response of \(endpoint) is not the reward contract: \(error)")
        }
        guard decoded.results.count == request.rollouts.count else {
            throw RewardClientError(
                retryable: false,
                message: "sent \(request.rollouts.count) rollouts, got \(decoded.results.count) results")
        }
        return decoded
    }
}

/// Retries a client with exponential backoff, then stops with one clear error.
public struct RetryingRewardClient: RewardClient {
    /// The client retried.
    public let base: any RewardClient
    /// Attempts in all, the first included.
    public let maxAttempts: Int
    /// Delay before the second attempt; doubles each time.
    public let initialBackoff: Duration

    /// A retrying wrapper.
    public init(base: any RewardClient, maxAttempts: Int = 5, initialBackoff: Duration = .milliseconds(250)) {
        self.base = base
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
    }

    /// Scores, retrying retryable failures.
    public func score(_ request: RewardRequest) async throws -> RewardResponse {
        var delay = initialBackoff
        var last = ""
        var made = 0
        for attempt in 1...maxAttempts {
            made = attempt
            do {
                return try await base.score(request)
            } catch let error as RewardClientError where error.retryable && attempt < maxAttempts {
                last = error.message
                try await Task.sleep(for: delay)
                delay *= 2
            } catch let error as RewardClientError {
                last = error.message
                break
            }
        }
        throw TrainerError.rewardService("stopped after \(made) failed attempt(s): \(last)")
    }
}
