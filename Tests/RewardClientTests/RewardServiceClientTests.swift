import Foundation
import Hummingbird
import RefereeServer
import RewardClient
import RewardCore
import Synchronization
import Testing

/// The shared HTTP reward client against real servers on loopback: Referee itself, and a flaky stand-in.
@Suite("RewardServiceClient")
struct RewardServiceClientTests {
    static let rollouts = [
        Rollout(id: .string("a"), response: "<judge>direct</judge><think></think>\\boxed{7}", groundTruths: ["7"], requiresReasoning: false, group: "g"),
        Rollout(id: .integer(2), response: "<judge>think</judge><think>3+4</think>\\boxed{8}", groundTruths: ["7"], requiresReasoning: true, group: "g"),
    ]

    /// Runs `body` with a client of Referee itself, served in rules mode on a free loopback port.
    static func withReferee(_ body: (RewardServiceClient) async throws -> Void) async throws {
        var configuration = RefereeConfiguration()
        configuration.port = 0
        configuration.logLevel = .error
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration, dependencies: .init(onServerRunning: { continuation.yield($0) }))
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(try RewardServiceClient(base: "http://127.0.0.1:\(port)"))
    }

    /// Runs `body` with a server for `router` on a free loopback port.
    static func withServer<T: Sendable>(_ router: Router<BasicRequestContext>, _ body: (Int) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        return try await body(port)
    }

    @Test("the service's POST /sample chooses from what it scored, through the same client")
    func samplesThroughReferee() async throws {
        try await Self.withReferee { client in
            var rollouts: [Rollout] = []
            for index in 0..<6 {
                var rollout = Rollout(response: "<judge>direct</judge><think></think>\\boxed{\(index % 2 == 0 ? 7 : 8)}", groundTruths: ["7"], requiresReasoning: false)
                rollout.promptID = "half"
                rollouts.append(rollout)
                var solved = Rollout(response: "<judge>direct</judge><think></think>\\boxed{7}", groundTruths: ["7"], requiresReasoning: false)
                solved.promptID = "solved"
                rollouts.append(solved)
            }
            _ = try await client.score(rollouts, config: RequestConfig())
            let chosen = try await client.sample(SampleRequest(candidates: ["solved", "half"], k: 1, strategy: .learnability, seed: 3))
            #expect(chosen == ["half"])
        }
    }

    @Test func scoresThroughReferee() async throws {
        try await Self.withReferee { client in
            let remote = try await client.score(Self.rollouts, config: RequestConfig(advantage: .drgrpo))
            let local = try await RewardEngine().score(Self.rollouts, config: RequestConfig(advantage: .drgrpo))
            #expect(remote.results.map(\.reward) == local.results.map(\.reward))
            #expect(remote.results.map(\.id) == [.string("a"), .integer(2)])
            #expect(remote.results.map(\.advantage) == local.results.map(\.advantage))
            #expect(remote.groups == local.groups)
        }
    }

    @Test func retriesA503AndWaitsTheRetryAfterItNames() async throws {
        let calls = Mutex(0)
        let router = Router()
        router.post("reward") { request, _ -> Response in
            let call = calls.withLock { $0 += 1; return $0 }
            guard call > 1 else { return Response(status: .serviceUnavailable, headers: [.retryAfter: "1"]) }
            let body = try await request.body.collect(upTo: 1 << 20)
            let read = try Wire.readRewardRequest(Array(body.readableBytesView))
            let batch = await RewardEngine().scoreBatch(read.items, options: try read.config!.scoringOptions())
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: batch.jsonBytes())))
        }
        try await Self.withServer(router) { port in
            let client = try RewardServiceClient(base: "http://127.0.0.1:\(port)", attempts: 3, initialBackoff: .milliseconds(1))
            let start = ContinuousClock.now
            let batch = try await client.score(Self.rollouts, config: RequestConfig())
            #expect(batch.results.count == 2)
            #expect(ContinuousClock.now - start >= .milliseconds(900))
            #expect(calls.withLock { $0 } == 2)
        }
    }

    @Test func aRefusalIsFinalAndCarriesTheServicesMessage() async throws {
        let calls = Mutex(0)
        let router = Router()
        router.post("reward") { _, _ -> Response in
            calls.withLock { $0 += 1 }
            let body = #"{"error":{"code":"invalid_formula","message":"formula: expected a term at position 3"}}"#
            return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        try await Self.withServer(router) { port in
            let client = try RewardServiceClient(base: "http://127.0.0.1:\(port)", attempts: 4, initialBackoff: .milliseconds(1))
            await #expect { try await client.score(Self.rollouts, config: RequestConfig()) } throws: { error in
                let failure = error as? RewardClientError
                return failure?.kind == .refused && failure?.message.contains("invalid_formula") == true
            }
            #expect(calls.withLock { $0 } == 1)
        }
    }

    @Test func anAnswerOutOfContractIsNamed() async throws {
        let router = Router()
        router.post("reward") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"results":[]}"#))) }
        try await Self.withServer(router) { port in
            let client = try RewardServiceClient(base: "http://127.0.0.1:\(port)")
            await #expect { try await client.score(Self.rollouts, config: RequestConfig()) } throws: { error in
                (error as? RewardClientError)?.kind == .protocolViolation
            }
        }
    }

    @Test(arguments: ["ftp://host", "not a url", "http://"])
    func refusesAURLThatIsNotHTTP(_ base: String) {
        #expect(throws: RewardClientError.self) { try RewardServiceClient(base: base) }
    }
}
