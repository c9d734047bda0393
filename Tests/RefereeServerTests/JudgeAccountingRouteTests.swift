import FakeJudgeServer
import Foundation
import Hummingbird
import HummingbirdTesting
import RefereeServer
import RewardCore
import Testing

@Suite("Judge accounting over HTTP: provenance, GET /verdicts/{key}, budgets and cost in /metrics")
struct JudgeAccountingRouteTests {
    static func configuration(judge: FakeJudgeServer) -> RefereeConfiguration {
        var configuration = RefereeConfiguration()
        configuration.judgeURL = judge.baseURL
        configuration.judgeModel = "fake"
        configuration.cachePath = FileManager.default.temporaryDirectory.appendingPathComponent("referee-accounting-\(UUID().uuidString).sqlite").path
        return configuration
    }

    static let thinking = #"{"prompt": "3+4?", "response": "\#(response("think", "7"))", "ground_truth": "7", "requires_reasoning": true"#

    @Test("include judge returns each verdict with its key, and GET /verdicts/{key} reads it back; an unknown key is a 404")
    func provenanceAndLookup() async throws {
        let judge = try await FakeJudgeServer.start(JudgeScript(latency: 0))
        var configuration = Self.configuration(judge: judge)
        configuration.judgeRawTextLimit = 3
        try await withReferee(configuration) { client in
            let (status, result) = try await client.post("/reward", json: Self.thinking + #", "include": ["judge"]}"#)
            #expect(status == .ok)
            let verdicts = try #require(result["judge"] as? [[String: Any]])
            #expect(verdicts.compactMap { $0["kind"] as? String }.sorted() == ["consistency", "grounding", "logic"])
            #expect(verdicts.allSatisfy { $0["raw_text"] as? String == "TRU" && $0["prompt_tokens"] as? Int == 100 })
            let key = try #require(verdicts[0]["key"] as? String)
            let (found, stored) = try await client.get("/verdicts/\(key)")
            #expect(found == .ok)
            #expect(stored["key"] as? String == key)
            #expect(stored["passed"] as? Bool == true)
            #expect(stored["model"] as? String == "fake")
            #expect(stored["cache_hit"] as? Bool == true)
            let (missing, error) = try await client.get("/verdicts/0123abc")
            #expect(missing == .notFound)
            #expect((error["error"] as? [String: Any])?["code"] as? String == "not_found")
            let (_, plain) = try await client.post("/reward", json: Self.thinking + "}")
            #expect(plain["judge"] == nil)
            let metrics = try await client.text("/metrics")
            #expect(metrics.contains(#"referee_judge_verdicts_total{kind="logic",source="judge"} 1"#))
            #expect(metrics.contains(#"referee_judge_verdicts_total{kind="logic",source="cache"} 1"#))
            #expect(metrics.contains(#"referee_judge_verdict_tokens_total{kind="logic"} 101"#))
        }
        await judge.shutdown()
    }

    @Test("past judge_budget_tokens rollouts abstain with judge_budget_exhausted, counted in /metrics")
    func windowBudget() async throws {
        let judge = try await FakeJudgeServer.start(JudgeScript(latency: 0))
        var configuration = Self.configuration(judge: judge)
        configuration.judgeBudgetTokens = 300
        try await withReferee(configuration) { client in
            let (_, first) = try await client.post("/reward", json: Self.thinking + "}")
            #expect(first["reward"] as? Double == 1)
            let other = Self.thinking.replacingOccurrences(of: "3+4?", with: "4+3?")
            let (status, second) = try await client.post("/reward", json: other + "}")
            #expect(status == .ok)
            #expect(second["reward"] is NSNull)
            #expect((second["error"] as? [String: Any])?["code"] as? String == "judge_budget_exhausted")
            // The first prompt's verdicts are cached: a spent budget still serves them.
            let (_, again) = try await client.post("/reward", json: Self.thinking + "}")
            #expect(again["reward"] as? Double == 1)
            let metrics = try await client.text("/metrics")
            #expect(metrics.contains(#"referee_abstentions_total{cause="judge_budget_exhausted"} 1"#))
        }
        #expect(await judge.script.calls == 3)
        await judge.shutdown()
    }

    @Test("judge_consistency_check: a think-judge that changes its mind when its questions are swapped makes the rollout abstain")
    func consistencyCheck() async throws {
        let script = JudgeScript(latency: 0)
        // Only the swapped prompt asks "in this order:".
        await script.answer(#"{"requires_reasoning": true, "is_judgment_correct": false}"#, whenBodyContains: "in this order:")
        let judge = try await FakeJudgeServer.start(script)
        var configuration = Self.configuration(judge: judge)
        configuration.judgeConsistencyCheck = true
        let unlabelled = #"{"prompt": "3+4?", "response": "\#(response("think", "7"))", "ground_truth": "7"}"#
        try await withReferee(configuration) { client in
            let (_, result) = try await client.post("/reward", json: unlabelled)
            #expect(result["reward"] is NSNull)
            #expect((result["error"] as? [String: Any])?["code"] as? String == "judge_inconsistent")
        }
        #expect(await script.calls == 2)
        await judge.shutdown()
    }

    @Test("a custom scale component in the server's formula: judged, in the result and its provenance, averaged in /metrics")
    func customComponentOverHTTP() async throws {
        let prompt = FileManager.default.temporaryDirectory.appendingPathComponent("depth-\(UUID().uuidString).txt")
        try "Rate the depth of the reasoning from 0 to 10.\n=== USER ===\n{{prompt}}\n\n{{thinking}}\n\nReply with one integer.\n"
            .write(to: prompt, atomically: true, encoding: .utf8)
        let script = JudgeScript(latency: 0)
        await script.answer("6", whenBodyContains: "Rate the depth")
        let judge = try await FakeJudgeServer.start(script)
        var configuration = Self.configuration(judge: judge)
        configuration.customComponents = [CustomComponent(name: "depth", promptFile: prompt.path, form: .scale, inputs: [.prompt, .thinking])]
        configuration.scoring.formula = "answer * depth"
        try await withReferee(configuration) { client in
            let (status, result) = try await client.post("/reward", json: Self.thinking + #", "include": ["judge"]}"#)
            #expect(status == .ok)
            #expect((result["components"] as? [String: Any])?["depth"] as? Double == 0.6)
            #expect((result["reasons"] as? [String: Any])?["depth"] as? String == "judge_says_no")
            let verdicts = try #require(result["judge"] as? [[String: Any]])
            #expect(verdicts.map { $0["kind"] as? String } == ["depth"])
            #expect(verdicts.first?["score"] as? Double == 0.6)
            #expect(result["reward"] as? Double == 0.6)
            let metrics = try await client.text("/metrics")
            #expect(metrics.contains(#"referee_component_sum{component="depth"} 0.6"#))
            #expect(metrics.contains(#"referee_component_count{component="depth"} 1"#))
        }
        await judge.shutdown()
    }
}

extension TestClientProtocol {
    /// GETs `path` and returns the status and the decoded JSON body.
    func get(_ path: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await execute(uri: path, method: .get) { response in
            let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
            return (response.status, object)
        }
    }

    /// GETs `path` and returns its body as text.
    func text(_ path: String) async throws -> String {
        try await execute(uri: path, method: .get) { String(buffer: $0.body) }
    }
}
