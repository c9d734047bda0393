import Foundation
import Hummingbird
import HummingbirdTesting
import RefereeServer
import Testing

@Suite("HTTP routes, in process")
struct RewardRouteTests {
    @Test("one rollout gives one result")
    func single() async throws {
        try await withReferee { client in
            let (status, body) = try await client.post("/reward", json: """
                {"id": "a1", "prompt": "3+4?", "response": "\(response("direct", "7"))", "ground_truth": "7", "requires_reasoning": false}
                """)
            #expect(status == .ok)
            #expect(body["id"] as? String == "a1")
            #expect(body["reward"] as? Double == 1)
            let components = try #require(body["components"] as? [String: Any])
            #expect(Set(components.keys) == ["format", "answer", "judge", "think", "logic", "grounding", "consistency"])
            #expect(body["extracted_answer"] as? String == "7")
            #expect((body["skipped"] as? [String: String])?["think"] == "direct_decision")
        }
    }

    @Test("a batch keeps input order, isolates a bad item and summarises groups")
    func batch() async throws {
        let items = (0..<40).map { index in
            index == 17
                ? #"{"id": 17, "prompt": "p"}"#
                : #"{"id": \#(index), "response": "\#(response(index % 2 == 0 ? "think" : "direct", "7"))", "ground_truth": "7", "requires_reasoning": true, "group": "g\#(index % 5)"}"#
        }
        try await withReferee { client in
            let (status, body) = try await client.post("/reward", json: #"{"rollouts": [\#(items.joined(separator: ","))]}"#)
            #expect(status == .ok)
            let results = try #require(body["results"] as? [[String: Any]])
            #expect(results.map { $0["id"] as? Int } == (0..<40).map { $0 })
            let bad = results[17]
            #expect(bad["reward"] is NSNull)
            let error = try #require(bad["error"] as? [String: Any])
            #expect(error["field"] as? String == "rollouts[17].response")
            #expect(error["code"] as? String == "missing_field")
            #expect(results[0]["reward"] as? Double == 1)
            #expect(results[1]["reward"] as? Double == 0.1)
            let groups = try #require(body["groups"] as? [String: [String: Any]])
            #expect(groups["g0"]?["n"] as? Int == 8)
            #expect(groups["g0"]?["degenerate"] as? Bool == false)
            #expect(groups["g2"]?["n"] as? Int == 7)
        }
    }

    @Test(
        "bad requests get 400 with the error shape",
        arguments: [
            (#"{"response": 12}"#, "wrong_type", "response"),
            (#"{"prompt": "x"}"#, "missing_field", "response"),
            (#"not json"#, "invalid_json", nil),
            (#"{"rollouts": 3}"#, "wrong_type", "rollouts"),
            (#"{"rollouts": [], "config": {"formula": "answer +* format"}}"#, "invalid_formula", "config.formula"),
            (#"{"rollouts": [], "config": {"alpha": 2}}"#, "out_of_range", "config.alpha"),
            (#"{"rollouts": [], "config": {"advantage": "ppo"}}"#, "invalid_value", "config.advantage"),
            (#"{"response": "x", "answer_type": "essay"}"#, "invalid_value", "answer_type"),
            (#"{"response": "x", "tolerance": -1}"#, "out_of_range", "tolerance"),
        ] as [(String, String, String?)])
    func badRequests(json: String, code: String, field: String?) async throws {
        try await withReferee { client in
            let (status, body) = try await client.post("/reward", json: json)
            #expect(status == .badRequest)
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["code"] as? String == code)
            #expect(error["field"] as? String == field)
            #expect((error["message"] as? String)?.isEmpty == false)
        }
    }

    @Test("a body over the limit gets 413; so does a batch over the size limit")
    func limits() async throws {
        var configuration = RefereeConfiguration()
        configuration.maxBodyBytes = 4096
        configuration.maxBatchSize = 3
        try await withReferee(configuration) { client in
            let big = String(repeating: "x", count: 10_000)
            let (status, body) = try await client.post("/reward", json: #"{"response": "\#(big)"}"#)
            #expect(status == .contentTooLarge)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "body_too_large")
            let four = Array(repeating: #"{"response": "x"}"#, count: 4).joined(separator: ",")
            let (batchStatus, batchBody) = try await client.post("/reward", json: #"{"rollouts": [\#(four)]}"#)
            #expect(batchStatus == .contentTooLarge)
            #expect((batchBody["error"] as? [String: Any])?["code"] as? String == "batch_too_large")
        }
    }

    @Test("OpenRLHF's /get_reward: prompt prefix removed, rewards, scores and extra_logs")
    func openRLHF() async throws {
        let prompt = "<|user|>3+4?<|assistant|>"
        let good = prompt + response("direct", "7")
        let bad = prompt + response("think", "8")
        try await withReferee { client in
            let (status, body) = try await client.post("/get_reward", json: """
                {"query": ["\(good)", "\(bad)", "\(good)"], "prompts": ["\(prompt)", "\(prompt)", "other"],
                 "labels": ["7", {"ground_truth": "7", "requires_reasoning": true}, "7"]}
                """)
            #expect(status == .ok)
            // The third query does not start with its prompt: its response is found after the template's
            // assistant header (a left-truncated prompt), with a warning.
            #expect(body["rewards"] as? [Double] == [1, 0.1, 1])
            #expect(body["scores"] as? [Double] == [1, 0.1, 1])
            let logs = try #require(body["extra_logs"] as? [String: [Double]])
            #expect(logs["answer"] == [1, 0, 1])
            #expect(logs["abstained"] == [0, 0, 0])
            #expect(logs["format"] == [1, 1, 1])
        }
    }

    @Test("OpenRLHF: a prompt ending in a pre-filled <judge> still parses")
    func openRLHFPrefill() async throws {
        let prompt = "Q: 3+4?\\n<judge>"
        try await withReferee { client in
            let (_, body) = try await client.post("/get_reward", json: """
                {"query": ["\(prompt)direct</judge><think></think>\\\\boxed{7}"], "prompts": ["\(prompt)"], "labels": ["7"]}
                """)
            #expect(body["rewards"] as? [Double] == [1])
        }
    }

    @Test("OpenRLHF: lists of unequal length are a 400")
    func openRLHFMismatch() async throws {
        try await withReferee { client in
            let (status, body) = try await client.post("/get_reward", json: #"{"query": ["a", "b"], "labels": ["1"]}"#)
            #expect(status == .badRequest)
            #expect((body["error"] as? [String: Any])?["field"] as? String == "labels")
        }
    }

    @Test("healthz answers, unknown routes get the JSON error shape")
    func healthAndNotFound() async throws {
        try await withReferee { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/nope", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect((body?["error"] as? [String: Any])?["code"] as? String == "not_found")
            }
        }
    }

    @Test("advantage none omits the advantage; drgrpo is r - mean")
    func advantageModes() async throws {
        let items = [response("direct", "7"), response("direct", "8")].map { #"{"response": "\#($0)", "ground_truth": "7", "requires_reasoning": false, "group": 1}"# }
        try await withReferee { client in
            let (_, none) = try await client.post("/reward", json: #"{"rollouts": [\#(items.joined(separator: ","))], "config": {"advantage": "none"}}"#)
            #expect((none["results"] as? [[String: Any]])?.allSatisfy { $0["advantage"] == nil } == true)
            let (_, dr) = try await client.post("/reward", json: #"{"rollouts": [\#(items.joined(separator: ","))], "config": {"advantage": "drgrpo"}}"#)
            let advantages = (dr["results"] as? [[String: Any]])?.compactMap { $0["advantage"] as? Double }
            #expect(advantages?.count == 2)
            #expect(abs((advantages?.first ?? 0) - 0.45) < 1e-12)
            #expect(abs((advantages?.last ?? 0) + 0.45) < 1e-12)
        }
    }
}
