import FakeJudgeServer
import Foundation
import Judging
import RefereeServer
import RewardCore
import Testing
import VerdictStore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The whole path: HTTP into Referee's `buildApplication`, the engine, `LLMJudge`, the SQLite
/// verdict cache, and HTTP out to the scripted judge.
@Suite struct EndToEndTests {
    /// Phrases that pick out each prompt in a request body.
    static let logicPhrase = "whether a chain of reasoning is logically sound"
    static let groundingPhrase = "whether a chain of reasoning invents anything"
    static let consistencyPhrase = "whether an answer is the one its reasoning arrived at"

    static let thinking = #"<judge>think</judge><think>7 * 6 = 42</think>So the product is \\boxed{42}."#

    /// Runs Referee against `script` with a fresh SQLite cache; `body` gets a POST function.
    static func withReferee(
        _ script: JudgeScript, cachePath: String = temporaryCache(),
        _ body: @escaping @Sendable (@Sendable (String) async throws -> [String: Any]) async throws -> Void
    ) async throws {
        try await FakeJudgeServer.run(script) { judgeURL in
            var configuration = RefereeConfiguration()
            configuration.port = 0
            configuration.judgeURL = judgeURL
            configuration.judgeModel = "scripted-judge"
            configuration.cachePath = cachePath
            configuration.promptsDirectory = Fixtures.repositoryPrompts
            configuration.logLevel = .critical
            let (ports, sink) = AsyncStream.makeStream(of: Int.self)
            let app = try await buildApplication(
                configuration,
                dependencies: ApplicationDependencies(onServerRunning: { port in
                    sink.yield(port)
                    sink.finish()
                }))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await app.run() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                try await body { json in try await post(json, to: "http://127.0.0.1:\(port)/reward") }
                group.cancelAll()
            }
        }
    }

    static func temporaryCache() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString).sqlite").path
    }

    static func post(_ json: String, to url: String) async throws -> [String: Any] {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func rollout(response: String, groundTruth: String, label: Bool?) -> String {
        let responseJSON = String(decoding: try! JSONSerialization.data(withJSONObject: [response], options: .fragmentsAllowed), as: UTF8.self).dropFirst().dropLast()
        let labelField = label.map { #","requires_reasoning":\#($0)"# } ?? ""
        return #"{"id":"r1","prompt":"What is 7 * 6?","response":\#(responseJSON),"ground_truth":"\#(groundTruth)"\#(labelField)}"#
    }

    @Test func thinkingVerdictsMakeTheRewardAndTheSecondScoringIsFree() async throws {
        let script = JudgeScript()
        await script.answer("TRUE", whenBodyContains: Self.logicPhrase)
        await script.answer("TRUE", whenBodyContains: Self.groundingPhrase)
        await script.answer("FALSE", whenBodyContains: Self.consistencyPhrase)
        try await Self.withReferee(script) { post in
            let json = Self.rollout(response: Self.thinking, groundTruth: "42", label: true)
            let first = try await post(json)
            let components = try #require(first["components"] as? [String: Any])
            #expect(components["logic"] as? Double == 1 && components["consistency"] as? Double == 0)
            // 0.9 * (J 1 * T 2/3 * A 1) + 0.1 * F 1
            let reward = try #require(first["reward"] as? Double)
            #expect(abs(reward - (0.9 * 2.0 / 3.0 + 0.1)) < 1e-9)
            #expect(await script.calls == 3)
            #expect((first["cache"] as? [String: Any])?["misses"] as? Int == 3)

            let second = try await post(json)
            #expect(second["reward"] as? Double == reward)
            #expect((second["cache"] as? [String: Any])?["hits"] as? Int == 3)
            #expect(await script.calls == 3)
        }
    }

    @Test func aWrongAnswerShortCircuitsTheThinkingVerdicts() async throws {
        let script = JudgeScript()
        try await Self.withReferee(script) { post in
            let result = try await post(Self.rollout(response: Self.thinking, groundTruth: "41", label: true))
            #expect(result["reward"] as? Double == 0.1)
            let skipped = try #require(result["skipped"] as? [String: Any])
            #expect(skipped["logic"] as? String == "short_circuit")
        }
        #expect(await script.calls == 0)
    }

    @Test func withoutALabelTheThinkJudgeDecides() async throws {
        let script = JudgeScript()
        await script.setDefaults(json: #"{"is_judgment_correct": false, "requires_reasoning": false}"#)
        try await Self.withReferee(script) { post in
            let result = try await post(Self.rollout(response: Self.thinking, groundTruth: "42", label: nil))
            let components = try #require(result["components"] as? [String: Any])
            #expect(components["judge"] as? Double == 0)
            // J = 0 fixes the product, so the three thinking calls are never made.
            #expect(result["reward"] as? Double == 0.1)
        }
        let requests = try await script.requests()
        #expect(requests.count == 1)
        #expect((requests.first?["response_format"] as? [String: Any])?["type"] as? String == "json_object")
    }

    @Test func anUnreachableJudgeAbstainsAndNothingIsCached() async throws {
        let script = JudgeScript()
        for _ in 0..<12 { await script.enqueue(.status(503)) }
        let cachePath = Self.temporaryCache()
        try await Self.withReferee(script, cachePath: cachePath) { post in
            let result = try await post(Self.rollout(response: Self.thinking, groundTruth: "42", label: true))
            #expect(result["reward"] is NSNull)
            let error = try #require(result["error"] as? [String: Any])
            #expect(error["code"] as? String == "judge_server_error")
        }
        #expect(try await SQLiteVerdictCache(path: cachePath).stats().verdicts == 0)
    }
}
