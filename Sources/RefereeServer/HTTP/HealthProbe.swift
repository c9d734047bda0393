import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks a running service for `GET /healthz`, for `referee healthcheck` (the container health check).
public enum HealthProbe {
    /// Succeeds when `url` answers 200 with the JSON object `{"status": "ok"}` within `timeout` seconds.
    public static func check(_ url: URL, timeout: Double) async throws(HealthcheckFailure) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(from: url)
        } catch let error as URLError {
            let reason = error.code == .timedOut ? "no answer within \(timeout) s" : error.localizedDescription
            throw HealthcheckFailure(message: "GET \(url) failed: \(reason)")
        } catch {
            throw HealthcheckFailure(message: "GET \(url) failed: \(error)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        // The body's first 200 bytes, on one line, so the message stays one line in Docker's health log.
        let body = String(decoding: data.prefix(200), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        guard status == 200 else { throw HealthcheckFailure(message: "GET \(url) answered HTTP \(status): \(body)") }
        guard let object = try? JSONDecoder().decode([String: String].self, from: data), object["status"] == "ok" else {
            throw HealthcheckFailure(message: "GET \(url) answered 200 without status ok: \(body)")
        }
    }
}

/// Why the service is not healthy, in one line.
public struct HealthcheckFailure: Error, Sendable {
    /// What went wrong, naming the URL or the setting.
    public var message: String

    /// Creates a failure.
    public init(message: String) { self.message = message }
}
