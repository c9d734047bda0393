import FakeJudgeServer
import Foundation
import Hummingbird
import HummingbirdTesting
import RefereeServer
import Testing

@Suite("Trainer routes: OpenRLHF labels, slime, NeMo-Gym, and judge outages on numeric routes")
struct TrainerRouteTests {
    @Test("OpenRLHF labels of every kind: list, object, number; null, empty and [] abstain instead of scoring 0.1")
    func openRLHFLabels() async throws {
        let prompt = "<|im_start|>user\\n3+4?<|im_end|>\\n<|im_start|>assistant\\n"
        let good = prompt + response("direct", "7")
        let queries = Array(repeating: "\"\(good)\"", count: 7).joined(separator: ",")
        let prompts = Array(repeating: "\"\(prompt)\"", count: 7).joined(separator: ",")
        try await withReferee { client in
            let (status, body) = try await client.post("/get_reward", json: """
                {"query": [\(queries)], "prompts": [\(prompts)],
                 "labels": [["8", "7"], {"ground_truth": 7, "requires_reasoning": false}, 7, null, "", [], "  "]}
                """)
            #expect(status == .ok)
            #expect(body["rewards"] as? [Double] == [1, 1, 1, 0, 0, 0, 0])
            let logs = try #require(body["extra_logs"] as? [String: [Double]])
            #expect(logs["abstained"] == [0, 0, 0, 1, 1, 1, 1])
        }
    }

    @Test("OpenRLHF: a left-truncated prompt is recovered from each template's assistant header; without one it is a clear item error")
    func truncatedPrompts() async throws {
        let templates = [
            "<|im_start|>user\\n3+4?<|im_end|>\\n<|im_start|>assistant\\n",
            "<|start_header_id|>user<|end_header_id|>\\n\\n3+4?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n",
            "<start_of_turn>user\\n3+4?<end_of_turn>\\n<start_of_turn>model\\n",
            "<｜User｜>3+4?<｜Assistant｜>",
            "[INST] 3+4? [/INST]",
        ]
        let queries = templates.map { "\"\($0 + response("direct", "7"))<|im_end|>\"" } + ["\"3+4? \(response("direct", "7"))\""]
        let prompts = Array(repeating: "\"the full prompt, longer than the query kept\"", count: queries.count).joined(separator: ",")
        let labels = Array(repeating: "\"7\"", count: queries.count).joined(separator: ",")
        try await withReferee { client in
            let (status, body) = try await client.post("/get_reward", json: """
                {"query": [\(queries.joined(separator: ","))], "prompts": [\(prompts)], "labels": [\(labels)]}
                """)
            #expect(status == .ok)
            #expect(body["rewards"] as? [Double] == [1, 1, 1, 1, 1, 0])
            #expect((body["extra_logs"] as? [String: [Double]])?["abstained"] == [0, 0, 0, 0, 0, 1])
        }
    }

    @Test("slime: prompt as a message list, label a string or an object; the reward is always a number")
    func slime() async throws {
        try await withReferee { client in
            let (status, body) = try await client.post("/slime", json: """
                {"prompt": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "3+4?"}],
                 "response": "\(response("think", "7"))", "label": {"ground_truth": "7", "requires_reasoning": true}}
                """)
            #expect(status == .ok)
            #expect(body["reward"] as? Double == 1)
            #expect(body["abstained"] as? Bool == false)
            let (_, plain) = try await client.post("/slime", json: #"{"prompt": "3+4?", "response": "\#(response("direct", "8"))", "label": "7"}"#)
            #expect(plain["reward"] as? Double == 0.1)
            let (_, unlabelled) = try await client.post("/slime", json: #"{"prompt": "3+4?", "response": "\#(response("direct", "7"))", "label": null}"#)
            #expect(unlabelled["reward"] as? Double == 0)
            #expect(unlabelled["abstained"] as? Bool == true)
            #expect((unlabelled["error"] as? [String: Any])?["code"] as? String == "no_ground_truth")
            let (badStatus, bad) = try await client.post("/slime", json: #"{"prompt": "3+4?", "label": "7"}"#)
            #expect(badStatus == .badRequest)
            #expect((bad["error"] as? [String: Any])?["field"] as? String == "response")
        }
    }

    static let verifyBody = """
        {"responses_create_params": {"input": [{"role": "user", "content": "3+4?"}]},
         "response": {"id": "resp_1", "output": [
            {"type": "reasoning", "summary": []},
            {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "\(response("direct", "7"))"}]}]},
         "expected_answer": "7", "requires_reasoning": false, "_ng_task_index": 3}
        """

    @Test("NeMo-Gym: /verify echoes the body with reward, mask_sample, reward_components and abstained; /seed_session, /close_session and /aggregate_metrics answer")
    func nemoGym() async throws {
        try await withReferee { client in
            let (seedStatus, seed) = try await client.post("/seed_session", json: "{}")
            #expect(seedStatus == .ok)
            #expect(seed.isEmpty)
            // An Environment Server's seed and close name a session, which both answers confirm.
            let session = #"{"resources_session_id": "s-1", "episode_id": "e", "task_id": 3, "task_data": {}}"#
            let (_, seeded) = try await client.post("/seed_session", json: session)
            #expect(seeded["resources_session_id"] as? String == "s-1")
            let (closeStatus, closed) = try await client.post("/close_session", json: #"{"resources_session_id": "s-1", "episode_id": "e"}"#)
            #expect(closeStatus == .ok && closed["resources_session_id"] as? String == "s-1")
            let (anonymousStatus, anonymous) = try await client.post("/close_session", json: #"{"episode_id": "e"}"#)
            #expect(anonymousStatus == .badRequest)
            #expect((anonymous["error"] as? [String: Any])?["field"] as? String == "resources_session_id")
            let (emptySeedStatus, _) = try await client.post("/seed_session", json: #"{"resources_session_id": "", "episode_id": "e"}"#)
            #expect(emptySeedStatus == .badRequest)
            let (_, emptyClose) = try await client.post("/close_session", json: #"{"resources_session_id": "", "episode_id": "e"}"#)
            #expect(emptyClose["resources_session_id"] as? String == "")
            let (status, body) = try await client.post("/verify", json: Self.verifyBody)
            #expect(status == .ok)
            #expect(body["reward"] as? Double == 1)
            #expect(body["_ng_task_index"] as? Int == 3)
            #expect((body["response"] as? [String: Any])?["id"] as? String == "resp_1")
            #expect((body["reward_components"] as? [String: Double])?["answer"] == 1)
            #expect(body["abstained"] as? Bool == false)
            #expect(body["mask_sample"] as? Bool == false)
            #expect(body["failure_kind"] == nil)
            let unlabelledBody = Self.verifyBody.replacingOccurrences(of: #""expected_answer": "7""#, with: #""expected_answer": null"#)
            let (_, unlabelled) = try await client.post("/verify", json: unlabelledBody)
            #expect(unlabelled["reward"] as? Double == 0)
            #expect(unlabelled["mask_sample"] as? Bool == true)
            #expect(unlabelled["failure_kind"] as? String == "referee:no_ground_truth")
            #expect(unlabelled["failure_reason"] is String)
            let (_, metrics) = try await client.post("/aggregate_metrics", json: """
                {"verify_responses": [{"_ng_task_index": 0, "reward": 1.0}, {"_ng_task_index": 0, "reward": 0.0},
                                      {"_ng_task_index": 1, "reward": 0.5, "abstained": true}]}
                """)
            let groups = try #require(metrics["group_level_metrics"] as? [[String: Any]])
            #expect(groups.count == 2)
            #expect(groups[0]["mean/reward"] as? Double == 0.5)
            #expect(groups[0]["std/reward"] as? Double == 0.5)
            #expect(groups[1]["abstained_share"] as? Double == 1)
            #expect((metrics["key_metrics"] as? [String: Double])?["mean/reward"] == 0.5)
            // The abstained rollout is masked, as NeMo-Gym 0.7.0 masks `mask_sample`: out of the statistics, counted.
            #expect(groups[1]["count"] as? Int == 0)
            #expect((metrics["key_metrics"] as? [String: Double])?["coverage/masked_rollouts"] == 1)
            #expect((metrics["agent_metrics"] as? [String: Any])?["coverage/fully_masked_tasks"] as? Int == 1)
            let (badStatus, _) = try await client.post("/verify", json: #"{"response": {}}"#)
            #expect(badStatus == .badRequest)
        }
    }

    @Test("a judge outage on a numeric route: 503 with Retry-After after the wait, or the fallback when configured so")
    func judgeOutage() async throws {
        let judge = try await FakeJudgeServer.start(JudgeScript(latency: 0))
        let port = judge.port
        await judge.shutdown()
        var configuration = RefereeConfiguration()
        configuration.judgeURL = "http://127.0.0.1:\(port)/v1"
        configuration.judgeModel = "fake"
        configuration.judgeTimeoutSeconds = 1
        configuration.judgeOutageWaitSeconds = 0.3
        configuration.promptsDirectory = nil
        let body = #"{"prompt": "3+4?", "response": "\#(response("think", "7"))", "label": {"ground_truth": "7", "requires_reasoning": true}}"#
        try await withReferee(configuration) { client in
            try await client.execute(uri: "/slime", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
        configuration.judgeOutageReply = .fallback
        configuration.fallbackReward = -1
        try await withReferee(configuration) { client in
            let (status, reply) = try await client.post("/slime", json: body)
            #expect(status == .ok)
            #expect(reply["reward"] as? Double == -1)
            #expect(reply["abstained"] as? Bool == true)
            #expect((reply["error"] as? [String: Any])?["code"] as? String == "judge_unreachable")
        }
    }
}
