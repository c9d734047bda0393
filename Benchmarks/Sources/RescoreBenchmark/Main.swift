import Dispatch
import Foundation
import Rescore
import RewardCore

/// Rules-only re-score of a generated 1,000,000-line file through the same `Rescorer` the CLI runs, against
/// reading and splitting the same file's lines as the baseline; prints lines/s and peak memory, gates on nothing.
@main
struct RescoreBenchmarkMain {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
        let directory = arguments.count > 2 ? arguments[2] : NSTemporaryDirectory()
        let input = directory + "/rescore-bench-\(count).jsonl"
        let output = directory + "/rescore-bench-\(count).out.jsonl"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("Referee rescore benchmark: \(count) generated rollouts, rules only, \(cores) cores")

        var start = now()
        let size = FileManager.default.fileExists(atPath: input)
            ? (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int ?? 0)
            : try Generator.write(count: count, to: input)
        print(String(format: "input: %@, %.0f MB (%.0f bytes a line)%@", input, Double(size) / 1e6, Double(size) / Double(count),
                     seconds(since: start) > 0.5 ? String(format: ", generated in %.1f s", seconds(since: start)) : ""))

        // Baseline: read the file and split its lines, touching every byte as the scorer's reader must.
        start = now()
        let reader = LineReader(try FileDescriptor.reading(input))
        var lines = 0
        var checksum = 0
        while try reader.next({ _, content -> Void in
            if case .bytes(let bytes) = content { checksum &+= Int(bytes.last ?? 0) }
        }) != nil { lines += 1 }
        let baseline = seconds(since: start)
        print(String(format: "baseline, read and split lines: %.0f lines/s, %.0f MB/s [%d]", Double(lines) / baseline, Double(size) / 1e6 / baseline, checksum & 1))

        sampleCosts(input: input)

        var options = RescoreOptions(input: input, output: output)
        options.overwrite = true
        options.chunksInFlight = 2 * cores + 2
        let plumbing = try await run(options, scorer: FixedResultScorer())
        print(String(format: "pipeline alone (read, decode, write; a fixed result instead of scoring): %.0f lines/s, %.2f us CPU a line",
                     Double(plumbing.lines) / plumbing.seconds, plumbing.cpuSeconds / Double(plumbing.lines) * 1e6))

        resetPeakMemory()
        let before = peakMemoryMB()
        let scorer = EngineChunkScorer(engine: RewardEngine(nanoseconds: { DispatchTime.now().uptimeNanoseconds }), options: ScoringOptions(), concurrency: 1)
        let full = try await run(options, scorer: scorer)
        let rate = Double(full.lines) / full.seconds
        let cpu = full.cpuSeconds / Double(full.lines)
        print(String(format: "rescore, in input order: %d lines in %.2f s = %.0f lines/s (target >= 100000: %.2fx), %.1fx the baseline's time",
                     full.lines, full.seconds, rate, rate / 100_000, full.seconds / baseline))
        print(String(format: "  CPU %.2f us a line over %.2f cores in use (load average %.1f while it ran): %.0f lines/s if %d idle cores were all ours",
                     cpu * 1e6, full.cpuSeconds / full.seconds, loadAverage(), Double(cores) / cpu, cores))
        print(String(format: "peak memory (VmHWM) during the re-score: %.0f MB (target <= 200 MB; %.0f MB before it)", peakMemoryMB(), before))
        print(String(format: "summary: mean reward %.4f, %d bad lines", full.report.summary.meanReward ?? -1, full.report.summary.badLines))

        var resume = options
        resume.overwrite = false
        resume.resume = true
        start = now()
        let again = try await Rescorer(options: resume, scorer: scorer, log: { _ in }).run()
        print(String(format: "resume of the finished output (scan %d lines, nothing left to score): %.2f s", again.summary.resumedLines, seconds(since: start)))
        try? FileManager.default.removeItem(atPath: output)
        try? FileManager.default.removeItem(atPath: output + ".errors.jsonl")
    }

    /// Per-line costs on a sample, so the figures above can be read: why the reader is not JSONDecoder.
    static func sampleCosts(input: String) {
        let reader = LineReader(try! FileDescriptor.reading(input))
        var sample: [[UInt8]] = []
        while sample.count < 20_000, (try? reader.next({ _, content -> Void in
            if case .bytes(let bytes) = content { sample.append(Array(bytes)) }
        })) != nil {}
        var start = now()
        var good = 0
        for line in sample {
            if case .success = Wire.readRollout(line).rollout { good += 1 }
        }
        let fast = seconds(since: start) / Double(sample.count)
        start = now()
        for line in sample {
            if (try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any] { good += 1 }
        }
        let foundation = seconds(since: start) / Double(sample.count)
        let engine = RewardEngine()
        let options = ScoringOptions()
        let rollouts = sample.compactMap { line in try? Wire.readRollout(line).rollout.get() }
        start = now()
        var total = 0.0
        for rollout in rollouts { total += engine.scoreWithRules(rollout, options: options).reward ?? 0 }
        let scoring = seconds(since: start) / Double(rollouts.count)
        print(String(format: "per line, one core: wire reader %.2f us, JSONSerialization %.2f us (%.1fx slower), scoring %.2f us [%d %.0f]",
                     fast * 1e6, foundation * 1e6, foundation / fast, scoring * 1e6, good, total))
    }

    static func run(_ options: RescoreOptions, scorer: some ChunkScorer) async throws -> (report: RescoreReport, lines: Int, seconds: Double, cpuSeconds: Double) {
        let cpuStart = cpuSeconds()
        let start = now()
        let report = try await Rescorer(options: options, scorer: scorer, log: { _ in }).run()
        return (report, report.summary.lines, seconds(since: start), cpuSeconds() - cpuStart)
    }

    /// User and system CPU time of the whole process: under a loaded machine this, not wall time, shows the cost.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return -1 }
        return Double(text.split(separator: " ").first ?? "") ?? -1
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func seconds(since start: UInt64) -> Double { Double(now() - start) / 1e9 }

    /// Resets the kernel's peak-RSS mark (VmHWM), so the figure covers only what follows.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        return Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "") .map { $0 / 1024 } ?? -1
    }
}
