import FakeJudgeServer
import Foundation
import NIOConcurrencyHelpers
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A built executable of this package run as a child process, with its output collected.
final class ChildProcess: Sendable {
    let process: Process
    private let output = NIOLockedValueBox("")

    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts `.build/debug/NAME` with `arguments` in `directory`; fails clearly when it was not built.
    init(_ name: String, _ arguments: [String], in directory: URL = ChildProcess.repository) throws {
        let binary = Self.repository.appendingPathComponent(".build/debug/\(name)")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ChildProcessError(message: "\(binary.path) is not built: run `swift build` (scripts/test.sh does)")
        }
        process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.withLockedValue { $0 += text }
        }
        try process.run()
    }

    /// Everything the child printed so far.
    var printed: String { output.withLockedValue { $0 } }

    /// Waits until the child prints a line with `marker` followed by a port, and returns the port.
    func port(after marker: String, seconds: Double = 60) async throws -> Int {
        for _ in 0..<Int(seconds * 20) {
            for line in printed.split(separator: "\n") where line.contains(marker) {
                if let range = line.firstRange(of: /127\.0\.0\.1:(\d+)|port (\d+)/) {
                    let digits = line[range].split(whereSeparator: { !$0.isNumber }).last.flatMap { Int($0) }
                    if let digits { return digits }
                }
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError(message: "no port after '\(marker)'; the child printed:\n\(printed)")
    }

    /// Sends `signal` and waits up to `seconds` for the child to exit; returns its exit status.
    func stop(_ signal: Int32 = SIGTERM, seconds: Double = 30) async throws -> Int32 {
        send(signal)
        for _ in 0..<Int(seconds * 20) where process.isRunning {
            try await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            send(SIGKILL)
            throw ChildProcessError(message: "the child did not exit within \(seconds) s of signal \(signal)")
        }
        return process.terminationStatus
    }

    /// Signals the child only: a pid of 0 or below would signal this process's whole group (or every process).
    private func send(_ signal: Int32) {
        let pid = process.processIdentifier
        if process.isRunning, pid > 0 { kill(pid, signal) }
    }

    deinit {
        send(SIGKILL)
    }
}

/// A child process that could not be started or did not behave.
struct ChildProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// `referee serve` as a child process judging through an in-process fake judge, and requests to it.
enum LocalService {
    /// Starts a fake judge answering after `judgeLatency` seconds, then `referee serve` judging through it with `cache`.
    static func start(judgeLatency: Double, cache: String) async throws -> (judge: FakeJudgeServer, referee: ChildProcess, port: Int) {
        let judge = try await FakeJudgeServer.start(JudgeScript(latency: judgeLatency, recordsBodies: false))
        let (referee, port) = try await serve(cache: cache, judgePort: judge.port)
        return (judge, referee, port)
    }

    /// Starts `referee serve` on a free port with `cache`, judging through the fake judge on `judgePort`.
    static func serve(cache: String, judgePort: Int) async throws -> (referee: ChildProcess, port: Int) {
        let referee = try ChildProcess("referee", [
            "serve", "--port", "0", "--cache", cache, "--judge-url", "http://127.0.0.1:\(judgePort)/v1", "--judge-model", "fake",
            "--prompts-dir", ChildProcess.repository.appendingPathComponent("Prompts").path, "--shutdown-timeout", "20",
        ])
        return (referee, try await referee.port(after: "referee listening"))
    }

    /// POSTs `body` to `/reward` on `port`; returns the status and the decoded object.
    static func post(_ body: String, port: Int) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/reward")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }
}
