import Foundation
import Judging
import RewardCore
import VerdictStore

/// Distinct verdicts at concurrency 64 against a 50 ms judge: the ideal is 64 / 0.05 s = 1,280 per second.
enum Throughput {
    static let concurrency = 64

    static func run(baseURL: String, total: Int) async throws {
        let ideal = Double(concurrency) / 0.05
        let urlSession = URLSessionTransport(maximumConnectionsPerHost: concurrency)
        let nio = AsyncHTTPClientTransport(maximumConnectionsPerHost: concurrency)
        print("")
        print("throughput, \(total) distinct verdicts, concurrency \(concurrency), judge latency 50 ms")
        print("  ideal                           \(formatted(ideal, 0)) verdicts/s")
        for (name, transport) in [("URLSession", urlSession), ("AsyncHTTPClient", nio)] as [(String, any JudgeTransport)] {
            let configuration = JudgeConfiguration(
                baseURL: baseURL, model: "scripted", maxConcurrency: concurrency, promptsDirectory: promptsDirectory)
            let judge = try LLMJudge(
                configuration: configuration, cache: InMemoryVerdictCache(), transport: transport, logger: quietLogger())
            // Warm-up opens the connections, so the measured runs reuse them.
            _ = try await measure(total: concurrency) { index in
                _ = try await judge.verdict(for: request(index, salt: "warm-\(name)"))
            }
            // Baseline: the same POSTs straight through the transport, no judge logic.
            let body = Data(#"{"model":"scripted","messages":[]}"#.utf8)
            let raw = try await measure(total: total) { _ in
                _ = try await transport.send(
                    TransportRequest(
                        url: baseURL + "/chat/completions", headers: ["Content-Type": "application/json"], body: body,
                        timeoutSeconds: 30))
            }
            let judged = try await measure(total: total) { index in
                _ = try await judge.verdict(for: request(index, salt: "run-\(name)"))
            }
            print(line("\(name) transport alone", raw, ideal: ideal))
            print(line("LLMJudge over \(name)", judged, ideal: ideal))
        }
        // The production shape: every miss is also written to the SQLite cache.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("judge-bench-\(UUID()).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let stored = try LLMJudge(
            configuration: JudgeConfiguration(
                baseURL: baseURL, model: "scripted", maxConcurrency: concurrency, promptsDirectory: promptsDirectory),
            cache: SQLiteVerdictCache(path: path), transport: nio, logger: quietLogger())
        let withSQLite = try await measure(total: total) { index in
            _ = try await stored.verdict(for: request(index, salt: "sqlite"))
        }
        print(line("LLMJudge over AHC + SQLite", withSQLite, ideal: ideal))
        try await nio.shutdown()
    }

    static func line(_ label: String, _ result: Result, ideal: Double) -> String {
        let name = label.padding(toLength: 32, withPad: " ", startingAt: 0)
        return "  \(name)\(formatted(result.rate, 0))/s (\(formatted(100 * result.rate / ideal))% of ideal), client CPU \(formatted(result.cpuPerCall * 1e6, 0)) µs/call"
    }

    static func request(_ index: Int, salt: String) -> JudgeRequest {
        JudgeRequest(
            kind: .logic, question: "What is \(index) + \(index)? (\(salt))",
            reasoning: "Adding \(index) to itself doubles it, so the sum is \(2 * index).")
    }

    struct Result {
        var rate: Double
        var cpuPerCall: Double
    }

    /// Runs `total` calls through `concurrency` workers; returns calls per second and client CPU per call.
    static func measure(
        total: Int, _ call: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> Result {
        let counter = Counter()
        let cpuBefore = processCPUSeconds()
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while let index = await counter.next(below: total) { try await call(index) }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let cpu = processCPUSeconds() - cpuBefore
        return Result(rate: Double(total) / seconds, cpuPerCall: cpu / Double(total))
    }
}

actor Counter {
    private var value = 0
    func next(below limit: Int) -> Int? {
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
