import FakeJudgeServer
import Foundation
import Logging
import Testing
import VerdictStorePostgres

/// Two `referee serve` processes sharing one PostgreSQL verdict cache, as replicas behind a load balancer.
@Suite(
    "Replicas sharing a PostgreSQL cache", .serialized,
    .enabled(
        if: ProcessInfo.processInfo.environment["REFEREE_TEST_POSTGRES_URL"] != nil,
        "needs REFEREE_TEST_POSTGRES_URL; scripts/test.sh starts a server and sets it"))
struct ReplicaTests {
    static let serverURL = ProcessInfo.processInfo.environment["REFEREE_TEST_POSTGRES_URL"] ?? ""

    /// Four thinking rollouts, each needing several verdicts (think-judge and thinking quality).
    static func batch(_ tag: String) -> String {
        let rollouts = (0..<4).map { index in
            #"{"id": "\#(tag)-\#(index)", "prompt": "\#(tag) question \#(index)", "response": "<judge>think</judge><think>\#(tag) step \#(index)</think>\\boxed{7}", "ground_truth": "7", "requires_reasoning": true}"#
        }
        return #"{"rollouts": [\#(rollouts.joined(separator: ","))]}"#
    }

    static func results(_ body: [String: Any]) throws -> [[String: Any]] {
        try #require(body["results"] as? [[String: Any]])
    }

    static func hits(_ results: [[String: Any]]) -> [Int] {
        results.map { ($0["cache"] as? [String: Int])?["hits"] ?? -1 }
    }

    static func storedVerdicts(_ url: String) async throws -> Int {
        var logger = Logger(label: "replica-test")
        logger.logLevel = .warning
        let cache = try await PostgresVerdictCache.open(url: url, logger: logger)
        let count = try await cache.stats().verdicts
        await cache.close()
        return count
    }

    @Test("a verdict judged through one replica is a cache hit through the other; both hammered at once judge each verdict once")
    func replicasShareVerdicts() async throws {
        try await ScratchDatabase.with(serverURL: Self.serverURL) { url in
            // A slow judge keeps every verdict in flight while the other replica asks for it.
            let judge = try await FakeJudgeServer.start(JudgeScript(latency: 0.3, recordsBodies: false))
            let judgePort = judge.port
            let first = try await LocalService.serve(cache: url, judgePort: judgePort)
            let second = try await LocalService.serve(cache: url, judgePort: judgePort)

            // Judged through the first replica, served from the cache through the second.
            let (status, judged) = try await LocalService.post(Self.batch("shared"), port: first.port)
            #expect(status == 200)
            let judgedResults = try Self.results(judged)
            #expect(Self.hits(judgedResults) == [0, 0, 0, 0])
            #expect(judgedResults.allSatisfy { $0["reward"] as? Double == 1 })
            let callsForOneBatch = await judge.script.calls
            let verdictsPerRollout = callsForOneBatch / 4
            #expect(verdictsPerRollout >= 2 && callsForOneBatch == 4 * verdictsPerRollout)
            let (_, served) = try await LocalService.post(Self.batch("shared"), port: second.port)
            let servedResults = try Self.results(served)
            #expect(Self.hits(servedResults) == Array(repeating: verdictsPerRollout, count: 4))
            #expect(servedResults.map { $0["reward"] as? Double } == judgedResults.map { $0["reward"] as? Double })
            #expect(await judge.script.calls == callsForOneBatch)

            // Both replicas hammered at once with the same new rollouts: each verdict is judged once.
            let rewards = try await withThrowingTaskGroup(of: [Double?].self) { group in
                for request in 0..<16 {
                    let port = request.isMultiple(of: 2) ? first.port : second.port
                    group.addTask {
                        let (status, body) = try await LocalService.post(Self.batch("hammer"), port: port)
                        #expect(status == 200)
                        return try Self.results(body).map { $0["reward"] as? Double }
                    }
                }
                return try await group.reduce(into: [[Double?]]()) { $0.append($1) }
            }
            #expect(rewards.count == 16 && rewards.allSatisfy { $0 == [1, 1, 1, 1] })
            #expect(await judge.script.calls == 2 * callsForOneBatch)
            #expect(try await Self.storedVerdicts(url) == 2 * callsForOneBatch)

            #expect(try await first.referee.stop() == 0)
            #expect(try await second.referee.stop() == 0)
            await judge.shutdown()
        }
    }
}
