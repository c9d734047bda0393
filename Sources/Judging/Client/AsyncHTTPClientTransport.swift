import AsyncHTTPClient
import Foundation
import NIOCore

/// `JudgeTransport` over AsyncHTTPClient (SwiftNIO): about a third of URLSession's client CPU per
/// call on Linux (see JudgeBenchmark). It owns an HTTP client: its owner must call `shutdown()`.
public final class AsyncHTTPClientTransport: JudgeTransport, Sendable {
    private let client: HTTPClient
    private let maxBodyBytes: Int

    /// Creates a transport with up to `maximumConnectionsPerHost` HTTP/1.1 connections per judge host;
    /// establishing a connection (with AsyncHTTPClient's own retries) gives up after `connectTimeout`.
    public init(maximumConnectionsPerHost: Int = 64, maxBodyBytes: Int = 1 << 20, connectTimeout: TimeAmount = .seconds(3)) {
        var configuration = HTTPClient.Configuration()
        // The default 10 s made a judge whose port refuses connections cost 10 s per attempt, on top of
        // the judge client's own retries: an outage took most of a minute per rollout to be reported.
        configuration.timeout.connect = connectTimeout
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, maximumConnectionsPerHost))
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maxBodyBytes = maxBodyBytes
    }

    /// Closes the connections; call once when the judge is no longer used.
    public func shutdown() async throws { try await client.shutdown() }

    /// Sends `request` and maps client errors to `TransportError`.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        do {
            let response = try await client.execute(
                outgoing, timeout: .nanoseconds(Int64(request.timeoutSeconds * 1_000_000_000)))
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: maxBodyBytes)
            } catch is NIOTooManyBytesError {
                throw TransportError.bodyTooLarge(maxBodyBytes)
            }
            var headers: [String: String] = [:]
            for field in response.headers { headers[field.name] = field.value }
            return TransportResponse(
                status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout: throw TransportError.timeout
            case .cancelled: throw CancellationError()
            default: throw TransportError.unreachable("HTTP client error: \(error.shortDescription)")
            }
        } catch let error as TransportError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw TransportError.unreachable("connection failed: \(type(of: error))")
        }
    }
}
