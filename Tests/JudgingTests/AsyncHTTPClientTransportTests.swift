import FakeJudgeServer
import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// The NIO transport behaves like the URLSession one where the judge client can tell.
@Suite struct AsyncHTTPClientTransportTests {
    /// Runs `body` with a fresh transport and shuts it down afterwards, also when `body` throws.
    static func withTransport<T: Sendable>(_ body: (AsyncHTTPClientTransport) async throws -> T) async throws -> T {
        let transport = AsyncHTTPClientTransport(maximumConnectionsPerHost: 8)
        do {
            let value = try await body(transport)
            try await transport.shutdown()
            return value
        } catch {
            try await transport.shutdown()
            throw error
        }
    }

    @Test func verdictsRetriesAndTheAuthorizationHeaderArrive() async throws {
        let script = JudgeScript()
        await script.enqueue(.status(502), .rateLimited(retryAfter: "1"), .verdict("FALSE"))
        let sleeper = RecordingSleeper()
        let verdict = try await Self.withTransport { transport in
            try await FakeJudgeServer.run(script) { url in
                try await Fixtures.judge(
                    Fixtures.configuration(url, apiKey: "sk-nio"), sleeper: sleeper, transport: transport
                ).verdict(for: Fixtures.logic)
            }
        }
        #expect(!verdict.passed)
        #expect(await script.calls == 3)
        #expect(await sleeper.waits.last == 1)
        #expect(await script.authorizations.allSatisfy { $0 == "Bearer sk-nio" })
    }

    @Test func aSilentJudgeTimesOut() async throws {
        let script = JudgeScript()
        await script.enqueue(.delay(3), .delay(3))
        let failure = try await Self.withTransport { transport in
            try await FakeJudgeServer.run(script) { url in
                await #expect(throws: JudgeFailure.self) {
                    try await Fixtures.judge(
                        Fixtures.configuration(url, timeout: 0.5, maxRetries: 1), transport: transport
                    ).verdict(for: Fixtures.logic)
                }
            }
        }
        #expect(failure?.cause == .timeout)
    }

    @Test func aClosedPortIsUnreachable() async throws {
        let failure = try await withClosedPort { url in
            try await Self.withTransport { transport in
                // AsyncHTTPClient keeps reconnecting until the call's deadline, so a short timeout keeps this quick.
                await #expect(throws: JudgeFailure.self) {
                    try await Fixtures.judge(Fixtures.configuration(url, timeout: 1, maxRetries: 1), transport: transport)
                        .verdict(for: Fixtures.logic)
                }
            }
        }
        #expect(failure?.cause == .unreachable)
    }

    @Test func identicalConcurrentRequestsStillMakeOneCall() async throws {
        let script = JudgeScript()
        await script.setLatency(0.3)
        try await Self.withTransport { transport in
            try await FakeJudgeServer.run(script) { url in
                let judge = try Fixtures.judge(Fixtures.configuration(url), transport: transport)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<10 { group.addTask { _ = try await judge.verdict(for: Fixtures.logic) } }
                    try await group.waitForAll()
                }
            }
        }
        #expect(await script.calls == 1)
    }
}
