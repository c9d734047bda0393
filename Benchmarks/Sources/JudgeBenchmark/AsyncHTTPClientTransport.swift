import AsyncHTTPClient
import Foundation
import Hummingbird
import Judging

/// A `JudgeTransport` over AsyncHTTPClient (SwiftNIO), measured beside URLSession in the same run.
final class AsyncHTTPClientTransport: JudgeTransport {
    let client: HTTPClient

    init(maximumConnectionsPerHost: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnectionsPerHost)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async throws { try await client.shutdown() }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        let response = try await client.execute(outgoing, timeout: .milliseconds(Int64(request.timeoutSeconds * 1000)))
        let body = try await response.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in response.headers { headers[field.name] = field.value }
        return TransportResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    }
}
