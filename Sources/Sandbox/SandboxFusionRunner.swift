import Foundation
import RewardCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `code` answers on a SandboxFusion server (`POST {base}/run_code`), for clusters that already run one:
/// one request per test, with the program, its stdin and the wall-clock limit; the server's own isolation
/// and limits apply. A failed request or a `SandboxError` makes the rollout abstain, never scores it 0.
public struct SandboxFusionRunner: CodeRunner {
    /// `{base}/run_code`.
    public let endpoint: URL
    /// The limits sent (`run_timeout`) or applied here (the output cap); the rest are the server's.
    public let limits: SandboxLimits

    /// A runner for the server at `base` (such as `http://sandbox:8080`); anything but an http(s) URL is refused.
    public init(base: String, limits: SandboxLimits = SandboxLimits()) throws(SandboxSetupError) {
        guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
            throw SandboxSetupError(description: "sandbox_url must be an http(s) URL such as http://127.0.0.1:8080, not '\(base)'")
        }
        endpoint = url.appendingPathComponent("run_code")
        self.limits = limits
    }

    /// Runs each test as one request, stopping at the first failure when the job says so.
    public func run(_ job: CodeJob) async throws -> CodeRunResult {
        let limits = limits.lowered(for: job)
        return try await CodeHarness.run(job, nonce: CodeHarness.randomNonce) { program, stdin in
            try await execute(program, language: job.language, stdin: stdin, limits: limits)
        }
    }

    func execute(_ program: String, language: CodeLanguage, stdin: String, limits: SandboxLimits) async throws -> CodeExecution {
        // The server's own timeout plus its start-up, queueing and the transfer.
        var request = URLRequest(url: endpoint, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.wallSeconds + 30)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let body: [String: Any] = [
            "code": program, "language": language.rawValue, "stdin": stdin, "run_timeout": limits.wallSeconds,
        ]
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CodeRunnerFailure(message: "the SandboxFusion server at \(endpoint) could not be reached")
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200 else {
            throw CodeRunnerFailure(message: "the SandboxFusion server answered HTTP \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
        return try Self.execution(from: data, outputCap: limits.outputBytes)
    }

    /// Reads `{"status": "Success" | "Failed" | "SandboxError", "run_result": {"status": "Finished" |
    /// "TimeLimitExceeded" | "Error", "return_code": N, "stdout": "..."}}`.
    static func execution(from data: Data, outputCap: Int) throws(CodeRunnerFailure) -> CodeExecution {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let status = object["status"] as? String else {
            throw CodeRunnerFailure(message: "the SandboxFusion server's answer is not a run_code result")
        }
        guard status != "SandboxError", let run = object["run_result"] as? [String: Any], let runStatus = run["status"] as? String else {
            throw CodeRunnerFailure(message: "the SandboxFusion server could not run the code (\(status))")
        }
        let stdout = Array(((run["stdout"] as? String) ?? "").utf8)
        if runStatus == "TimeLimitExceeded" { return CodeExecution(termination: .timedOut, stdout: []) }
        if stdout.count > outputCap { return CodeExecution(termination: .outputExceeded, stdout: []) }
        guard let code = run["return_code"] as? Int else {
            // Killed without an exit status: the server's limits, or a signal.
            return CodeExecution(termination: .signalled(9), stdout: stdout)
        }
        return CodeExecution(termination: .exited(Int32(truncatingIfNeeded: code)), stdout: stdout)
    }
}

extension CodeRunner {
    /// Runs `print(6 * 7)`, so that a sandbox that cannot run code (no user namespaces, a server that
    /// is down) stops the service at start-up instead of making every code rollout abstain.
    public func selfCheck() async throws {
        let job = CodeJob(program: "print(6 * 7)", tests: [CodeTestCase(expectedStdout: "42")])
        let result = try await run(job)
        guard result.outcomes == [.passed] else {
            throw SandboxSetupError(description: "the sandbox could not run a one-line Python program (\(result.outcomes.map(\.rawValue)))")
        }
    }
}
