import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import RefereeServer
import RewardCore
import Testing

/// A judge that holds every call until released, to fill the judge queue.
struct GatedJudge: Judge {
    let gate = Gate()

    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        await gate.pass()
        return JudgeVerdict(passed: true, model: "gated")
    }

    /// Calls so far, held or not.
    var calls: Int { get async { await gate.arrivals } }

    /// Lets every held call and every later one through.
    func open() async { await gate.open() }
}

@Suite("Production behaviour: auth, limits, backpressure, metrics")
struct ProductionTests {
    static let rollout = #"{"response": "<judge>think</judge><think>3+4=7</think>\\boxed{7}", "ground_truth": "7", "requires_reasoning": true}"#

    @Test("a configured bearer token guards every route but /healthz")
    func auth() async throws {
        var configuration = RefereeConfiguration()
        configuration.authToken = "s3cret-token"
        try await withReferee(configuration) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong"], [.authorization: "s3cret-token"], [.authorization: "Bearer s3cret-token-and-more"]] {
                try await client.execute(uri: "/reward", method: .post, headers: headers, body: ByteBuffer(string: Self.rollout)) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                    let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                    #expect((body?["error"] as? [String: Any])?["code"] as? String == "unauthorized")
                }
            }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(
                uri: "/reward", method: .post, headers: [.authorization: "Bearer s3cret-token"], body: ByteBuffer(string: Self.rollout)
            ) { #expect($0.status == .ok) }
        }
    }

    @Test("a field over max_field_bytes is a 413 naming the field and the limit")
    func fieldLimit() async throws {
        var configuration = RefereeConfiguration()
        configuration.maxFieldBytes = 100
        let long = String(repeating: "a", count: 200)
        try await withReferee(configuration) { client in
            let (status, body) = try await client.post("/reward", json: #"{"rollouts": [{"response": "x"}, {"response": "x", "prompt": "\#(long)"}]}"#)
            #expect(status == .contentTooLarge)
            let error = try #require(body["error"] as? [String: Any])
            #expect(error["field"] as? String == "rollouts[1].prompt")
            #expect((error["message"] as? String)?.contains("max_field_bytes") == true)
        }
    }

    @Test("a full judge queue answers 503 with Retry-After instead of queueing without bound")
    func backpressure() async throws {
        var configuration = RefereeConfiguration()
        configuration.maxJudgeQueue = 2
        let judge = GatedJudge()
        try await withReferee(configuration, dependencies: .init(judge: judge), live: true) { client in
            // The test client sends requests in order on one connection: the blocked batch goes on its own.
            let port = try #require(client.port)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/reward")!)
            request.httpMethod = "POST"
            request.httpBody = Data(#"{"rollouts": [\#(Self.rollout), \#(Self.rollout)]}"#.utf8)
            async let first = URLSession.shared.data(for: request)
            for _ in 0..<2000 {
                if await judge.calls >= 3 { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(await judge.calls >= 3)
            try await client.execute(uri: "/reward", method: .post, body: ByteBuffer(string: Self.rollout)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
            }
            await judge.open()
            let (_, response) = try await first
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            try await client.execute(uri: "/reward", method: .post, body: ByteBuffer(string: Self.rollout)) { response in
                #expect(response.status != .serviceUnavailable)
            }
        }
    }

    @Test("/metrics exposes requests by route and status, rollouts, rewards and abstentions")
    func metrics() async throws {
        try await withReferee { client in
            _ = try await client.post("/reward", json: #"{"rollouts": [\#(Self.rollout), {"response": "x"}]}"#)
            _ = try await client.post("/reward", json: "nope")
            _ = try await client.post("/reward", json: "[")
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"referee_http_requests_total{route="/reward",status="200"} 1"#))
                #expect(text.contains(#"referee_http_requests_total{route="/reward",status="400"} 2"#))
                #expect(text.contains("referee_rollouts_scored_total 2"))
                #expect(text.contains("referee_reward_count 2"))
                #expect(text.contains(#"referee_component_count{component="format"} 2"#))
                #expect(text.contains("referee_http_request_duration_seconds_bucket"))
            }
        }
    }
}
