import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RefereeServer
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Slow and stuck clients are closed")
struct SlowClientTests {
    /// Connects to 127.0.0.1:`port`, sends `bytes`, and returns how long until the server closed the connection.
    static func secondsUntilClosed(port: Int, sending bytes: String) throws -> Double {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        _ = bytes.withCString { send(socket, $0, strlen($0), 0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while recv(socket, &buffer, buffer.count, 0) > 0 {}
        return Date().timeIntervalSince(start)
    }

    @Test("no request head within header_timeout, or no body within body_timeout: the connection is closed")
    func timeouts() async throws {
        var configuration = RefereeConfiguration()
        configuration.headerTimeoutSeconds = 0.5
        configuration.bodyTimeoutSeconds = 0.5
        try await withReferee(configuration, live: true) { client in
            let port = try #require(client.port)
            let silent = try Self.secondsUntilClosed(port: port, sending: "")
            #expect(silent < 5)
            let partialHead = try Self.secondsUntilClosed(port: port, sending: "POST /reward HTTP/1.1\r\nHost: x\r\n")
            #expect(partialHead < 5)
            let partialBody = try Self.secondsUntilClosed(
                port: port, sending: "POST /reward HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"resp")
            #expect(partialBody < 5)
            // A well-behaved client on a new connection is still served (the test client's own idle
            // connection has been closed by the header timeout by now, as it should be).
            let (_, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/healthz")!)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
        }
    }
}
