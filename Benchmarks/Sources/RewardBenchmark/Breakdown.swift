import AnswerCheck
import Dispatch
import RewardCore

/// The cost of each stage of rule-only scoring, per rollout or per batch.
enum Breakdown {
    static func run() {
        let math = MathAnswerChecker()
        let pairs = Workload.answers
        var ok = 0
        let n = 100_000
        var t = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n { if math.check(answer: pairs[i % pairs.count].boxed, groundTruth: pairs[i % pairs.count].truth, tolerance: 1e-6).isCorrect { ok += 1 } }
        print("math check: \(Double(DispatchTime.now().uptimeNanoseconds - t) / Double(n)) ns")
        t = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n { if AnswerType.detect(groundTruth: pairs[i % pairs.count].truth) == .math { ok += 1 } }
        print("detect: \(Double(DispatchTime.now().uptimeNanoseconds - t) / Double(n)) ns")
        let rollouts = (0..<64).map(Workload.rollout)
        let parsed = rollouts.map { ResponseParser().parse($0.response) }
        let scorer = AnswerScorer()
        t = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n { if case .scored(1, _) = scorer.score(parsed[i & 63], rollout: rollouts[i & 63], tolerance: 1e-6) { ok += 1 } }
        print("answer scorer: \(Double(DispatchTime.now().uptimeNanoseconds - t) / Double(n)) ns")
        t = DispatchTime.now().uptimeNanoseconds
        for i in 0..<n { ok += ResponseParser().parse(rollouts[i & 63].response).boxes.count }
        let body = Workload.batchBody(count: 256)
        t = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<50 { ok += (try! Wire.readRewardRequest(body)).items.count }
        print("decode 256 batch: \(Double(DispatchTime.now().uptimeNanoseconds - t) / 50 / 1e6) ms")
        let results = rollouts.map { RewardEngine().scoreWithRules($0, options: ScoringOptions()) }
        t = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<200 { ok += BatchResult(results: results + results + results + results, groups: [:]).jsonBytes().count }
        print("encode 256 results: \(Double(DispatchTime.now().uptimeNanoseconds - t) / 200 / 1e6) ms")
        print("parse: \(Double(DispatchTime.now().uptimeNanoseconds - t) / Double(n)) ns \(ok)")
    }
}
