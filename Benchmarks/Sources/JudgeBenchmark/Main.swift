import Foundation
import Judging
import Logging
import RewardCore
import VerdictStore

#if canImport(Glibc)
import Glibc
#endif

/// Judge client throughput against a scripted judge answering after 50 ms, client CPU per call,
/// and the cost of a cache hit. Figures are printed against baselines measured in the same run.
@main struct JudgeBenchmarkMain {
    static func main() async throws {
        let arguments = CommandLine.arguments
        if arguments.count > 1, arguments[1] == "serve-scripted" {
            try await ScriptedServer.serve(latency: 0.05)
            return
        }
        let total = Int(ProcessInfo.processInfo.environment["JUDGE_BENCH_CALLS"] ?? "") ?? 3840
        // The scripted judge runs in a child process, so getrusage here counts the client alone.
        let server = try ScriptedServer.spawn()
        defer { server.process.terminate() }
        let base = "http://127.0.0.1:\(server.port)/v1"
        print("scripted judge: \(base), 50 ms per answer, child pid \(server.process.processIdentifier)")
        let only = ProcessInfo.processInfo.environment["JUDGE_BENCH_ONLY"]
        if only != "hits" { try await Throughput.run(baseURL: base, total: total) }
        if only != "throughput" { try await CacheHits.run(baseURL: base) }
    }
}

/// CPU time this process has used, user plus system, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The repository's prompts, found from this file's place in the tree.
let promptsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Prompts").path

func quietLogger() -> Logger {
    var logger = Logger(label: "judge-benchmark")
    logger.logLevel = .error
    return logger
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func formatted(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
