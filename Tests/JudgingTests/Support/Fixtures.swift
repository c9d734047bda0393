import Foundation
import Logging
import RewardCore
import VerdictStore

@testable import Judging

/// Records the waits a judge asks for instead of spending them.
actor RecordingSleeper: RetrySleeper {
    private(set) var waits: [Double] = []
    func sleep(seconds: Double) async throws { waits.append(seconds) }
}

/// Keeps every log line, message and metadata, so tests can look for leaks.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }

    /// A logger at trace level writing into this recorder.
    func logger() -> Logger {
        var logger = Logger(label: "judge-test") { _ in RecordingHandler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }
}

struct RecordingHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        recorder.append("\(event.level) \(event.message) \(merged)")
    }
}

/// Prompt folders and judges wired to a scripted judge.
enum Fixtures {
    /// The repository's own `Prompts/`.
    static let repositoryPrompts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Prompts").path

    /// A private copy of the repository's prompts, so a test may edit one.
    static func copiedPrompts() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("referee-prompts-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: repositoryPrompts, toPath: folder)
        return folder
    }

    static func configuration(
        _ baseURL: String, prompts: String = repositoryPrompts, apiKey: String? = nil, timeout: Double = 10,
        maxRetries: Int = 3, votes: Int = 1
    ) -> JudgeConfiguration {
        JudgeConfiguration(
            baseURL: baseURL, model: "scripted-judge", apiKeyEnvironmentVariable: apiKey == nil ? nil : "JUDGE_KEY",
            apiKey: apiKey, timeoutSeconds: timeout, maxRetries: maxRetries, votes: votes, promptsDirectory: prompts,
            retryBaseDelaySeconds: 0.01, maxRetryDelaySeconds: 30)
    }

    static func judge(
        _ configuration: JudgeConfiguration, cache: any VerdictCache = InMemoryVerdictCache(),
        sleeper: any RetrySleeper = RecordingSleeper(), logger: Logger = quietLogger,
        transport: (any JudgeTransport)? = nil
    ) throws -> LLMJudge {
        try LLMJudge(configuration: configuration, cache: cache, transport: transport, logger: logger, sleeper: sleeper)
    }

    /// Expected failures would otherwise print error lines into the test output.
    static let quietLogger: Logger = {
        var logger = Logger(label: "judge-test")
        logger.logLevel = .critical
        return logger
    }()

    static let logic = JudgeRequest(
        kind: .logic, question: "What is 2 + 3 * 4?", reasoning: "3 * 4 = 12, and 2 + 12 = 14.")
}
