import ArgumentParser
import FakeJudgeServer
import Foundation
import Logging

/// `fake-judge`: the scripted chat-completions judge of `FakeJudgeServer` as a process, for load and fault tests.
/// It answers TRUE (or the think-judge's JSON) after `--latency` seconds; `POST /control {"mode": "..."}` switches
/// to `ok`, `rate_limited` (429 with Retry-After), `error` (500), `stall` (answers after 10 s) or `garbage`;
/// `GET /stats` counts the calls.
@main
struct FakeJudge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fake-judge", abstract: "A scripted chat-completions judge for tests.")

    @Option(help: "Port on 127.0.0.1 (0 picks one; the chosen port is printed).") var port = 0
    @Option(help: "Seconds before each answer.") var latency = 0.0
    @Option(help: "Starting mode: \(FakeJudgeMode.allCases.map(\.rawValue).joined(separator: ", ")).") var mode = "ok"

    func validate() throws {
        guard FakeJudgeMode(rawValue: mode) != nil else { throw ValidationError("unknown mode '\(mode)'") }
        guard latency >= 0 else { throw ValidationError("--latency must not be negative") }
    }

    func run() async throws {
        let script = JudgeScript(latency: latency, mode: FakeJudgeMode(rawValue: mode) ?? .ok, recordsBodies: false)
        var logger = Logger(label: "fake-judge")
        logger.logLevel = .warning
        let app = FakeJudgeServer.application(script: script, port: port, backlog: 1024, logger: logger) { port in
            // Written straight to the pipe: print's buffer would hold the port back from a parent reading it.
            FileHandle.standardOutput.write(Data("fake-judge listening on port \(port)\n".utf8))
        }
        try await app.runService()
    }
}
