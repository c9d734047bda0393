import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `JudgeTransport` over URLSession (libcurl on Linux); owns its session and invalidates it on release.
public final class URLSessionTransport: JudgeTransport, @unchecked Sendable {
    // URLSession is thread-safe; the class holds nothing else that mutates.
    private let session: URLSession
    private let maxBodyBytes: Int

    /// Creates a transport allowing `maximumConnectionsPerHost` parallel connections, without a URL cache.
    public init(maximumConnectionsPerHost: Int = 64, maxBodyBytes: Int = 1 << 20) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, maximumConnectionsPerHost)
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
        self.maxBodyBytes = maxBodyBytes
    }

    deinit { session.invalidateAndCancel() }

    /// Sends `request` with URLSession and maps URL errors to `TransportError`.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        guard let url = URL(string: request.url) else { throw TransportError.unreachable("invalid judge URL") }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "POST"
        urlRequest.timeoutInterval = request.timeoutSeconds
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError {
            if error.code == .cancelled { throw CancellationError() }
            if error.code == .timedOut { throw TransportError.timeout }
            throw TransportError.unreachable(Self.describe(error.code))
        }
        guard let http = response as? HTTPURLResponse else { throw TransportError.unreachable("not an HTTP response") }
        if data.count > maxBodyBytes { throw TransportError.bodyTooLarge(data.count) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return TransportResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// A short reason for a connection failure; URLs and headers stay out of it.
    static func describe(_ code: URLError.Code) -> String {
        switch code {
        case .cannotConnectToHost: "connection refused"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        case .networkConnectionLost: "connection lost"
        case .notConnectedToInternet: "no network"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            "TLS failure"
        case .badServerResponse: "bad server response"
        default: "URL error \(code.rawValue)"
        }
    }
}
