import Foundation
import Hummingbird
import HummingbirdTesting
import RefereeServer
import Testing

@Suite("Prompt statistics over HTTP: every scored rollout counts; GET /prompts/{id} and POST /sample")
struct SamplingRouteTests {
    @Test("a batch's accuracies build each prompt's statistics; the sampler prefers the prompt solved half the time")
    func statisticsAndSampling() async throws {
        let rollouts = (0..<8).map { index in
            // "easy" is always right; "half" right every other time; "hard" never.
            let answer = index % 2 == 0 ? "7" : "8"
            return [
                #"{"prompt_id": "easy", "response": "\#(response("direct", "7"))", "ground_truth": "7", "requires_reasoning": false}"#,
                #"{"prompt_id": "half", "response": "\#(response("direct", answer))", "ground_truth": "7", "requires_reasoning": false}"#,
                #"{"prompt_id": "hard", "response": "\#(response("direct", "8"))", "ground_truth": "7", "requires_reasoning": false}"#,
            ].joined(separator: ",")
        }
        try await withReferee { client in
            let (status, _) = try await client.post("/reward", json: #"{"rollouts": [\#(rollouts.joined(separator: ","))]}"#)
            #expect(status == .ok)
            try await client.execute(uri: "/prompts/half", method: .get) { response in
                #expect(response.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
                #expect(body["attempts"] as? Int == 8)
                #expect(body["successes"] as? Int == 4)
                #expect(body["alpha"] as? Double == 5)
                #expect(body["beta"] as? Double == 5)
                #expect(body["pass_rate"] as? Double == 0.5)
            }
            try await client.execute(uri: "/prompts/never", method: .get) { response in
                #expect(response.status == .notFound)
            }
            let (sampleStatus, sample) = try await client.post(
                "/sample", json: #"{"candidates": ["easy", "half", "hard"], "k": 1, "strategy": "learnability", "seed": 5}"#)
            #expect(sampleStatus == .ok)
            let chosen = try #require(sample["prompts"] as? [[String: Any]])
            #expect(chosen.map { $0["id"] as? String } == ["half"])
            let (_, vade) = try await client.post("/sample", json: #"{"candidates": ["easy", "half", "hard", "new"], "k": 2, "seed": 11}"#)
            let (_, again) = try await client.post("/sample", json: #"{"candidates": ["easy", "half", "hard", "new"], "k": 2, "seed": 11}"#)
            #expect((vade["prompts"] as? [[String: Any]])?.map { $0["id"] as? String } == (again["prompts"] as? [[String: Any]])?.map { $0["id"] as? String })
            let (badStatus, bad) = try await client.post("/sample", json: #"{"k": 2}"#)
            #expect(badStatus == .badRequest)
            #expect((bad["error"] as? [String: Any])?["field"] as? String == "candidates")
        }
    }
}
