import Foundation
import RefereeServer
import RewardCore
import Testing

@testable import Rescore

/// `--server`: the same output through a real service on a free loopback port.
@Suite("ServerChunkScorer")
struct ServerScorerTests {
    @Test func scoresThroughTheServiceLikeInProcess() async throws {
        var configuration = RefereeConfiguration()
        configuration.port = 0
        configuration.logLevel = .error
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration, dependencies: .init(onServerRunning: { continuation.yield($0) }))
        let server = Task { try await app.runService() }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        let directory = try TemporaryDirectory()
        var input = Fixtures.rollouts(9)
        input[4] = #"{"id":"bad","response":["not","text"]}"#
        try directory.write("in.jsonl", input.joined(separator: "\n"))
        _ = try await Fixtures.rescore(directory, output: "local.jsonl")
        let scorer = try ServerChunkScorer(base: "http://127.0.0.1:\(port)/", config: RequestConfig(alpha: 0.9), token: nil)
        let remote = try await Fixtures.rescore(directory, output: "remote.jsonl", scorer: scorer)
        #expect(directory.lines("remote.jsonl").map(Fixtures.withoutLatency) == directory.lines("local.jsonl").map(Fixtures.withoutLatency))
        #expect(directory.lines("remote.jsonl.errors.jsonl") == directory.lines("local.jsonl.errors.jsonl"))
        #expect(remote.summary.lines == 9)
        #expect(remote.summary.badLines == 1)
    }

    @Test func sendsOnlyTheSettingsGivenAndNoAdvantages() throws {
        let config = RequestConfig(alpha: 0.5, formula: "answer*format", advantage: .grpo, thinkWords: ["think", "hard"])
        let json = try JSONParser.parse(ServerChunkScorer.configJSON(config))
        #expect(json == .object(JSONObject([
            ("alpha", .number(JSONNumber(double: 0.5, integer: nil))), ("formula", .string("answer*format")),
            ("advantage", .string("none")), ("think_words", .array([.string("think"), .string("hard")])),
        ])))
    }

    @Test(arguments: ["ftp://host", "not a url", "http://"])
    func refusesAURLThatIsNotHTTP(_ base: String) {
        #expect(throws: RescoreError.self) { try ServerChunkScorer(base: base, config: RequestConfig(), token: nil) }
    }
}
