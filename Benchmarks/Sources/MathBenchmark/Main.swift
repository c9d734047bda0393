import AnswerCheck
import Foundation

/// Times the math checker over the conformance corpus: extraction of both sides (the ground truth
/// reduced by `groundTruth`, the response extracted leniently), parsing and comparison per pair, as
/// the reward service runs it. Prints median and p99 per check, and the
/// same figures for extraction alone as the in-process baseline. Samples are wall time (a CPU-time
/// clock costs a system call per read); the mean is also given in thread CPU time over the whole
/// run, which other processes on a shared machine cannot inflate.
@main
struct MathBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let rounds = arguments.first.flatMap(Int.init) ?? 200
        let options: Set<String> = ["slowest", "typical", "no-adversarial", "boxed-gold"]
        // The service reduces a ground truth with `groundTruth` (a plain `126` is not scanned at all); before
        // 2026-12-02 this benchmark wrapped it in `\boxed{}` and extracted it leniently: `boxed-gold` still does.
        let boxedGold = CommandLine.arguments.contains("boxed-gold")
        let path = arguments.dropFirst().first { !options.contains($0) } ?? defaultCorpus
        let pairs = try loadPairs(path)
        let checker = MathAnswerChecker()
        var checks: [UInt64] = []
        var extractions: [UInt64] = []
        checks.reserveCapacity(pairs.count * rounds)
        var correct = 0
        let cpuStart = cpuNanoseconds()
        for _ in 0..<rounds {
            for (gold, prediction) in pairs {
                let start = DispatchTime.now().uptimeNanoseconds
                let g = boxedGold ? AnswerExtraction.lenient("\\boxed{" + gold + "}") ?? gold : AnswerExtraction.groundTruth(gold)
                let p = AnswerExtraction.lenient(prediction)
                let middle = DispatchTime.now().uptimeNanoseconds
                if let p, checker.check(answer: p, groundTruth: g, tolerance: 1e-6).isCorrect { correct += 1 }
                let end = DispatchTime.now().uptimeNanoseconds
                checks.append(end - start)
                extractions.append(middle - start)
            }
        }
        let cpuMean = Double(cpuNanoseconds() - cpuStart) / Double(checks.count) / 1000
        let ours = Summary(checks)
        let baseline = Summary(extractions)
        print("MathBenchmark: \(pairs.count) pairs x \(rounds) rounds, \(correct / rounds) judged equivalent")
        print("per check (extract + parse both sides + compare): median \(ours.median) us, p99 \(ours.p99) us, mean \(ours.mean) us")
        print("mean thread CPU time per check (whole run): \(String(format: "%.2f", cpuMean)) us")
        print("baseline, extraction alone: median \(baseline.median) us, p99 \(baseline.p99) us")
        print("ratio check/extraction (median): \(String(format: "%.1f", ours.medianValue / max(baseline.medianValue, 1e-9)))")
        if CommandLine.arguments.contains("slowest") { slowest(checks, pairs: pairs) }
        if CommandLine.arguments.contains("typical") { typical(checks, pairs: pairs) }
        if !CommandLine.arguments.contains("no-adversarial") { adversarial(checker) }
        print("OURS_MEDIAN_US=\(ours.median) OURS_P99_US=\(ours.p99)")
    }

    /// The pairs whose median check time is highest: where the p99 comes from.
    static func slowest(_ checks: [UInt64], pairs: [(String, String)]) {
        let medians = pairs.indices.map { index -> (Int, UInt64) in
            let times = stride(from: index, to: checks.count, by: pairs.count).map { checks[$0] }.sorted()
            return (index, times[times.count / 2])
        }
        for (index, median) in medians.sorted(by: { $0.1 > $1.1 }).prefix(20) {
            print(String(format: "slow: line %d, median %.1f us: %@ | %@", index + 1, Double(median) / 1000,
                         String(pairs[index].0.prefix(60)), String(pairs[index].1.prefix(80))))
        }
    }

    /// The corpus lines whose median check time lies in the middle fifth of all pairs: the inputs
    /// that set the median, to profile on their own.
    static func typical(_ checks: [UInt64], pairs: [(String, String)]) {
        let ranked = pairs.indices.map { index -> (Int, UInt64) in
            let times = stride(from: index, to: checks.count, by: pairs.count).map { checks[$0] }.sorted()
            return (index, times[times.count / 2])
        }.sorted { $0.1 < $1.1 }
        let band = ranked[(ranked.count * 2 / 5)..<(ranked.count * 3 / 5)]
        print("typical: " + band.map { String($0.0 + 1) }.sorted().joined(separator: " "))
    }

    /// Wall time of single hostile checks, each expected to be far below a second.
    static func adversarial(_ checker: MathAnswerChecker) {
        var bytes: [UInt8] = []
        var state: UInt64 = 7
        for _ in 0..<1_000_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        let inputs: [(String, String)] = [
            ("100,000 nested braces", String(repeating: "{", count: 100_000) + "1" + String(repeating: "}", count: 100_000)),
            ("100,000 nested boxes", String(repeating: "\\boxed{", count: 100_000) + "1" + String(repeating: "}", count: 100_000)),
            ("5^{5^{5^{5^5}}}", "5^{5^{5^{5^5}}}"),
            ("1 MB of 1+1+...", String(repeating: "1+", count: 500_000) + "1"),
            ("1 MB of prose", String(repeating: "so x = 3 and then we add 4 to it; ", count: 30_000)),
            ("1 MB of random bytes", String(decoding: bytes, as: UTF8.self)),
            ("\\frac{1}{2006!} vs \\frac{1}{2004!}", "\\frac{1}{2006!}"),
            ("a product of huge fractions", "\\frac{(2^{2005}+1)^{9}}{(3^{1000}+7)^{9}} \\cdot \\frac{(5^{1000}+3)^{8}}{(7^{900}+1)^{8}}"),
            ("a product over symbolic bounds", "\\prod_{k=1}^{n} 2k(2^{2005}+1)(3 A^{2006})"),
        ]
        for (name, text) in inputs {
            let start = DispatchTime.now().uptimeNanoseconds
            let answer = AnswerExtraction.lenient(text) ?? text
            let verdict = checker.check(answer: answer, groundTruth: "\\frac{1}{2004!}", tolerance: 1e-6)
            let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
            print("adversarial \(name): \(String(format: "%.0f", micros)) us -> \(verdict.reason?.rawValue ?? "correct")")
        }
    }

    /// The repository's conformance corpus, found from this file's path
    /// (`Benchmarks/Sources/MathBenchmark/` up to the repository root).
    static let defaultCorpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Tests/AnswerCheckTests/Fixtures/conformance/math_answers.jsonl").path

    static func loadPairs(_ path: String) throws -> [(String, String)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return (object["gold"] as? String ?? "", object["pred"] as? String ?? "")
        }
    }
}

/// CPU time consumed by the calling thread, in nanoseconds.
func cpuNanoseconds() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

/// Order statistics of durations in nanoseconds, reported in microseconds.
struct Summary {
    let medianValue: Double
    let p99Value: Double
    let meanValue: Double

    init(_ samples: [UInt64]) {
        let sorted = samples.sorted()
        medianValue = Double(sorted[sorted.count / 2]) / 1000
        p99Value = Double(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) / 1000
        meanValue = Double(sorted.reduce(0, +)) / Double(sorted.count) / 1000
    }

    var median: String { String(format: "%.2f", medianValue) }
    var p99: String { String(format: "%.2f", p99Value) }
    var mean: String { String(format: "%.2f", meanValue) }
}
