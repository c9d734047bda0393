import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import RefereeServer

/// The mistakes a person with curl makes are told, not silently scored.
@Suite("Mistakes a person makes get told")
struct MistakeTests {
    @Test("a known route with the wrong method is 405 with Allow", arguments: [
        ("/reward", HTTPRequest.Method.get, "POST"), ("/get_reward", .put, "POST"), ("/healthz", .post, "GET"), ("/metrics", .delete, "GET"),
    ])
    func wrongMethod(_ path: String, _ method: HTTPRequest.Method, _ allow: String) async throws {
        try await withReferee { client in
            try await client.execute(uri: path, method: method) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == allow)
                let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect((body?["error"] as? [String: Any])?["code"] as? String == "method_not_allowed")
            }
        }
    }

    @Test func invalidJSONNamesLineColumnAndTheLaTeXEscape() async throws {
        try await withReferee { client in
            let (status, body) = try await client.post("/reward", json: "{\"response\": \"ok\",\n \"ground_truth\": \"\\sqrt{2}\"}")
            #expect(status == .badRequest)
            let error = body["error"] as? [String: Any]
            #expect(error?["code"] as? String == "invalid_json")
            let message = error?["message"] as? String ?? ""
            #expect(message.contains("line 2, column 19"), "\(message)")
            #expect(message.contains("invalid escape '\\s'"), "\(message)")
        }
    }

    @Test func unknownFieldsAndConfigKeysAreNamedInWarnings() async throws {
        try await withReferee { client in
            let (status, single) = try await client.post("/reward", json: #"{"response": "<judge>direct</judge><think></think>\\boxed{7}", "groundtruth": "7"}"#)
            #expect(status == .ok)
            let warnings = single["warnings"] as? [[String: Any]]
            #expect(warnings?.first?["code"] as? String == "unknown_field")
            #expect((warnings?.first?["message"] as? String)?.contains("ground_truth") == true)
            let (_, batch) = try await client.post("/reward", json: #"{"rollouts": [{"response": "x"}], "config": {"alhpa": 0.5}}"#)
            #expect((batch["warnings"] as? [[String: Any]])?.first?["field"] as? String == "config.alhpa")
            #expect(((batch["results"] as? [[String: Any]])?.first?["warnings"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aBackspaceWhereBoxedWasMeantIsWarnedAbout() async throws {
        try await withReferee { client in
            let (_, result) = try await client.post("/reward", json: #"{"response": "<judge>direct</judge><think></think>\boxed{7}", "ground_truth": "7"}"#)
            let warning = (result["warnings"] as? [[String: Any]])?.first
            #expect(warning?["code"] as? String == "control_character")
            #expect((warning?["message"] as? String)?.contains("\\boxed") == true)
            #expect(result["reward"] as? Double == 0)
        }
    }
}
