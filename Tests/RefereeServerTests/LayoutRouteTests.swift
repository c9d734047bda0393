import Foundation
import Hummingbird
import HummingbirdTesting
import RefereeServer
import RewardCore
import Testing

@Suite("Layouts and tasks over HTTP, in process")
struct LayoutRouteTests {
    @Test("one batch mixes layouts: per rollout, per request config, and through the server's task map")
    func mixedBatch() async throws {
        var configuration = RefereeConfiguration()
        configuration.scoring.tasks = ["plain-math": TaskProfile(layout: .boxed)]
        let body = #"""
            {"rollouts": [
              {"id": "sail", "response": "<judge>think</judge><think>3+4</think>\\boxed{7}", "ground_truth": "7", "requires_reasoning": true, "layout": "sail"},
              {"id": "r1", "response": "<think>3+4</think><answer>7</answer>", "ground_truth": "7", "layout": "r1"},
              {"id": "glm", "response": "<think>3+4</think><answer><|begin_of_box|>7<|end_of_box|></answer>", "ground_truth": "7"},
              {"id": "task", "response": "It is \\boxed{7}", "ground_truth": "7", "task": "plain-math"},
              {"id": "r1-text-after", "response": "<think>3+4</think><answer>7</answer> bye", "ground_truth": "7", "layout": "r1"}
            ], "config": {"layout": "glm"}}
            """#
        try await withReferee(configuration) { client in
            let (status, response) = try await client.post("/reward", json: body)
            #expect(status == .ok)
            let results = try #require(response["results"] as? [[String: Any]])
            let rewards = results.map { $0["reward"] as? Double }
            #expect(rewards == [1, 1, 1, 1, 0.9])
            #expect(results[1]["decision"] is NSNull)
            #expect((results[1]["skipped"] as? [String: String])?["judge"] == "no_decision_block")
            #expect((results[4]["reasons"] as? [String: String])?["format"] == "text_after_answer")
            #expect(results.allSatisfy { ($0["warnings"] as? [Any])?.isEmpty ?? true })
        }
    }

    @Test("a bad layout in a rollout is that item's error naming the field; a bad task map in config is a 400")
    func badValues() async throws {
        try await withReferee { client in
            let (status, response) = try await client.post("/reward", json: #"{"rollouts": [{"response": "x", "layout": "xml"}]}"#)
            #expect(status == .ok)
            let results = try #require(response["results"] as? [[String: Any]])
            #expect((results[0]["error"] as? [String: Any])?["field"] as? String == "rollouts[0].layout")
            let (badStatus, badBody) = try await client.post(
                "/reward", json: #"{"rollouts": [{"response": "x"}], "config": {"tasks": {"t": {"layout": "xml"}}}}"#)
            #expect(badStatus == .badRequest)
            #expect((badBody["error"] as? [String: Any])?["field"] as? String == "config.tasks.t.layout")
        }
    }
}
