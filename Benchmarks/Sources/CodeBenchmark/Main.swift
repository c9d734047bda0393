import Dispatch
import Foundation
import RewardCore
import Sandbox

/// Sandboxed runs per second with 1, 2 and 4 runs in parallel: each run a fresh bubblewrap sandbox
/// starting Python 3 for a one-line program with one stdin/stdout test (distinct programs, no cache).
@main struct CodeBenchmarkMain {
    static func main() async throws {
        let runs = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 40
        let runner = try BubblewrapRunner()
        try await runner.selfCheck()
        print("code benchmark: \(runs) sandboxed runs per figure, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var single = 0.0
        for parallel in [1, 2, 4] {
            let seconds = try await measure(runner, runs: runs, parallel: parallel)
            let rate = Double(runs) / seconds
            if parallel == 1 { single = rate }
            print(String(format: "N = %d: %6.1f runs/s  (%.0f ms a run, %.2fx N = 1)", parallel, rate, 1000 * seconds * Double(parallel) / Double(runs), rate / single))
        }
    }

    /// Seconds for `runs` jobs, `parallel` at a time; every job must pass.
    static func measure(_ runner: BubblewrapRunner, runs: Int, parallel: Int) async throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                guard next < runs else { return }
                let index = next
                next += 1
                group.addTask {
                    let job = CodeJob(program: "n = int(input())\nprint(n + \(index))", tests: [CodeTestCase(stdin: "1\n", expectedStdout: "\(index + 1)")])
                    let result = try await runner.run(job)
                    guard result.outcomes == [.passed] else { throw BenchmarkFailure(outcomes: result.outcomes) }
                }
            }
            for _ in 0..<parallel { add() }
            while try await group.next() != nil { add() }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// A benchmark run that did not pass: the figures would not measure what they say.
struct BenchmarkFailure: Error {
    var outcomes: [CodeTestOutcome]
}
