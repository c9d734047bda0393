import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import HummingbirdTesting
import RefereeServer
import RewardCore
import Testing

/// A code runner that holds every job until opened, then passes all its tests.
struct GatedCodeRunner: CodeRunner {
    let gate = Gate()

    func run(_ job: CodeJob) async throws -> CodeRunResult {
        await gate.pass()
        return CodeRunResult(outcomes: job.tests.map { _ in .passed })
    }

    /// Jobs so far, held or not.
    var jobs: Int { get async { await gate.arrivals } }

    /// Lets every held job and every later one through.
    func open() async { await gate.open() }
}

@Suite("Code answers over HTTP: the sandbox's queue and abstentions")
struct CodeRouteTests {
    static let codeRollout = #"{"layout": "r1", "answer_type": "code", "ground_truth": {"tests": [{"stdin": "3", "stdout": "6"}]}, "response": "<think>x</think><answer>```python\nprint(2 * int(input()))\n```</answer>"}"#
    static let mathRollout = #"{"layout": "r1", "ground_truth": "7", "response": "<think>x</think><answer>7</answer>"}"#

    @Test("without a sandbox a code rollout abstains with no_sandbox; with one it is scored")
    func abstainsOrScores() async throws {
        try await withReferee { client in
            let (status, body) = try await client.post("/reward", json: Self.codeRollout)
            #expect(status == .ok)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "no_sandbox")
            #expect(body["reward"] is NSNull)
        }
        let runner = GatedCodeRunner()
        await runner.open()
        try await withReferee(dependencies: .init(codeRunner: runner)) { client in
            let (_, body) = try await client.post("/reward", json: Self.codeRollout)
            #expect(body["reward"] as? Double == 1)
        }
    }

    @Test("a full sandbox queue answers 503 with Retry-After for code rollouts; other rollouts still pass")
    func backpressure() async throws {
        var configuration = RefereeConfiguration()
        configuration.maxCodeQueue = 1
        let runner = GatedCodeRunner()
        try await withReferee(configuration, dependencies: .init(codeRunner: runner), live: true) { client in
            let port = try #require(client.port)
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/reward")!)
            request.httpMethod = "POST"
            request.httpBody = Data(Self.codeRollout.utf8)
            async let first = URLSession.shared.data(for: request)
            for _ in 0..<2000 {
                if await runner.jobs >= 1 { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(await runner.jobs == 1)
            try await client.execute(uri: "/reward", method: .post, body: ByteBuffer(string: Self.codeRollout)) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "1")
                #expect(String(buffer: response.body).contains("max_code_queue"))
            }
            try await client.execute(uri: "/reward", method: .post, body: ByteBuffer(string: Self.mathRollout)) { response in
                #expect(response.status == .ok)
            }
            await runner.open()
            let (_, response) = try await first
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            try await client.execute(uri: "/reward", method: .post, body: ByteBuffer(string: Self.codeRollout)) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
