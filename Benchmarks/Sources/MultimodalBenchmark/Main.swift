import AnswerCheck
import Foundation

/// Times `MultimodalGrader.grade` per answer type over generated cases: ordinary answers in the
/// shapes models write (JSON, fences, prose, timestamps, number words) and, one case in ten, a
/// hostile one (hedging, NaN, 100,000 boxes, deep nesting, a megabyte of prose, long OCR pages).
/// Prints median, p99 and maximum per check in microseconds; never gates on time.
@main
struct MultimodalBenchmark {
    static func main() {
        let casesPerType = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 3_000
        print("MultimodalBenchmark: \(casesPerType) cases per type, 1 in 10 hostile")
        var generator = CaseGenerator(state: 2026)
        for type in AnswerType.allCases where type.isGraded {
            var samples: [UInt64] = []
            var scoreSum = 0.0
            for index in 0..<casesPerType {
                let (answer, truth, options) = generator.makeCase(type, hostile: index % 10 == 9)
                let start = DispatchTime.now().uptimeNanoseconds
                let grade = MultimodalGrader.grade(answer, groundTruth: truth, type: type, options: options)
                samples.append(DispatchTime.now().uptimeNanoseconds - start)
                scoreSum += grade.score
            }
            let sorted = samples.sorted()
            let micros = { (value: UInt64) in String(format: "%.2f", Double(value) / 1000) }
            let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
            let name = type.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            print(
                "\(name) median \(micros(sorted[sorted.count / 2])) us  p99 \(micros(p99)) us  max \(micros(sorted.last ?? 0)) us"
                    + "  mean score \(String(format: "%.2f", scoreSum / Double(casesPerType)))")
        }
        hostile(CaseGenerator(state: 0))
    }

    /// Each hostile answer against every graded type once: the slowest type and its reason.
    static func hostile(_ generator: CaseGenerator) {
        for (name, text) in CaseGenerator.hostileAnswers {
            var slowest: (micros: Double, type: AnswerType, reason: String) = (0, .bbox, "")
            for type in AnswerType.allCases where type.isGraded {
                let start = DispatchTime.now().uptimeNanoseconds
                let grade = MultimodalGrader.grade(text, groundTruth: generator.truth(type), type: type, options: AnswerOptions())
                let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
                if micros >= slowest.micros { slowest = (micros, type, grade.reason?.rawValue ?? "scored 1") }
            }
            print("hostile \(name): slowest \(slowest.type.rawValue) \(String(format: "%.0f", slowest.micros)) us -> \(slowest.reason)")
        }
    }
}
