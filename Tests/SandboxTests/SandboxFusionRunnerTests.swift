import Foundation
import Hummingbird
import RewardCore
import Testing

@testable import Sandbox

/// A SandboxFusion stand-in on 127.0.0.1: `POST /run_code` answers what `reply` makes of the request body.
func withFakeSandboxFusion(
    reply: @escaping @Sendable ([String: Any]) -> String, _ body: @escaping @Sendable (String) async throws -> Void
) async throws {
    let router = Router()
    router.post("run_code") { request, _ -> Response in
        let data = try await request.body.collect(upTo: 1 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(buffer: data)) as? [String: Any]) ?? [:]
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: reply(object))))
    }
    let ports = AsyncStream<Int>.makeStream()
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: { channel in
        ports.continuation.yield(channel.localAddress?.port ?? 0)
    })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService() }
        var iterator = ports.stream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        try await body("http://127.0.0.1:\(port)")
        group.cancelAll()
    }
}

/// A SandboxFusion `run_code` answer.
func fusionReply(status: String = "Success", runStatus: String = "Finished", returnCode: Int? = 0, stdout: String = "") -> String {
    let code = returnCode.map(String.init) ?? "null"
    let escaped = stdout.replacingOccurrences(of: "\n", with: "\\n")
    return #"{"status": "\#(status)", "message": "", "compile_result": null, "run_result": {"status": "\#(runStatus)", "execution_time": 0.01, "return_code": \#(code), "stdout": "\#(escaped)", "stderr": ""}}"#
}

@Suite("SandboxFusion runner: the run_code request and answers mapped to test outcomes")
struct SandboxFusionRunnerTests {
    @Test("the request carries the program, the language, each test's stdin and the time limit; stdout is compared")
    func request() async throws {
        try await withFakeSandboxFusion(reply: { body in
            // "Runs" a doubling program: the answer depends on what was sent.
            guard body["language"] as? String == "python", body["run_timeout"] as? Double == 3,
                (body["code"] as? String)?.hasPrefix("print(2 * int(input()))") == true,
                let n = Int(((body["stdin"] as? String) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            else { return fusionReply(returnCode: 1) }
            return fusionReply(stdout: "\(2 * n)\n")
        }) { base in
            let runner = try SandboxFusionRunner(base: base, limits: SandboxLimits(wallSeconds: 3))
            let tests = [CodeTestCase(stdin: "3\n", expectedStdout: "6"), CodeTestCase(stdin: "5\n", expectedStdout: "11")]
            let result = try await runner.run(CodeJob(program: "print(2 * int(input()))", tests: tests, stopAtFirstFailure: false))
            #expect(result.outcomes == [.passed, .wrongOutput])
            // print(6 * 7) is not the doubling program: this server exits 1 for it, so the start-up check fails.
            await #expect(throws: SandboxSetupError.self) { try await runner.selfCheck() }
        }
    }

    @Test(
        "answers map to outcomes: time limit, a crash, a kill without status, output past the cap",
        arguments: [
            (fusionReply(status: "Failed", runStatus: "TimeLimitExceeded", returnCode: nil), CodeTestOutcome.timeout),
            (fusionReply(status: "Failed", runStatus: "Finished", returnCode: 1), .runtimeError),
            (fusionReply(status: "Failed", runStatus: "Error", returnCode: nil), .runtimeError),
            (fusionReply(stdout: String(repeating: "x", count: 100)), .outputLimit),
            (fusionReply(stdout: "42\n"), .passed),
        ])
    func outcomes(reply: String, outcome: CodeTestOutcome) throws {
        let execution = try SandboxFusionRunner.execution(from: Data(reply.utf8), outputCap: 64)
        #expect(CodeGrading.outcome(of: execution, for: CodeTestCase(expectedStdout: "42")) == outcome)
    }

    @Test("a SandboxError, an answer that is not a result, or no server: a runner failure (the rollout abstains)")
    func failures() async throws {
        #expect(throws: CodeRunnerFailure.self) { try SandboxFusionRunner.execution(from: Data(#"{"status": "SandboxError", "message": "oom"}"#.utf8), outputCap: 64) }
        #expect(throws: CodeRunnerFailure.self) { try SandboxFusionRunner.execution(from: Data("<html>".utf8), outputCap: 64) }
        let unreachable = try SandboxFusionRunner(base: "http://127.0.0.1:9")
        await #expect(throws: CodeRunnerFailure.self) { try await unreachable.run(CodeJob(program: "print(1)", tests: [CodeTestCase(expectedStdout: "1")])) }
        #expect(throws: SandboxSetupError.self) { try SandboxFusionRunner(base: "ftp://x") }
    }
}
