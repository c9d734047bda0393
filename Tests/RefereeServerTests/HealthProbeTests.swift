import Foundation
import RefereeServer
import Testing

/// `referee healthcheck`'s probe against a real running service: healthy, and each way of not being.
@Suite struct HealthProbeTests {
    static func failure(_ url: String) async -> String? {
        do {
            try await HealthProbe.check(URL(string: url)!, timeout: 5)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func aRunningServiceIsHealthyAndOtherAnswersAreNot() async throws {
        try await withReferee(live: true) { client in
            let port = try #require(client.port)
            #expect(await Self.failure("http://127.0.0.1:\(port)/healthz") == nil)
            let missing = await Self.failure("http://127.0.0.1:\(port)/nope")
            #expect(missing?.contains("answered HTTP 404") == true, "\(missing ?? "healthy")")
            let index = await Self.failure("http://127.0.0.1:\(port)/")
            #expect(index?.contains("answered 200 without status ok") == true, "\(index ?? "healthy")")
        }
    }

    @Test func nothingListeningIsUnhealthyWithTheAddress() async {
        let message = await Self.failure("http://127.0.0.1:1/healthz")
        #expect(message?.hasPrefix("GET http://127.0.0.1:1/healthz failed:") == true, "\(message ?? "healthy")")
    }
}
