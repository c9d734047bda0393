import AnswerCheck
import Testing

@testable import RewardCore

/// A small deterministic generator (RewardCore's SplitMix64), so a failing case can be replayed from its seed.
typealias SeededGenerator = SplitMix64

/// Random responses built from the fragments that matter to the parser, plus arbitrary characters.
enum RandomRollouts {
    static let fragments = [
        "<judge>", "</judge>", "<think>", "</think>", "\\boxed{", "\\fbox{", "{", "}", "\\", "think", "direct", "yes", "no",
        "7", "-3.5", "\\frac{1}{2}", "A", "(B)", " or ", ",", "\n", " ", "é", "🙂", "\u{0}", "<", ">", "\\text{", "$", "x^2",
    ]

    static func string(_ random: inout SeededGenerator, maxParts: Int = 40) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxParts, using: &random) {
            if Bool.random(using: &random) {
                text += fragments.randomElement(using: &random)!
            } else {
                text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &random)) ?? "?")
            }
        }
        return text
    }

    static func rollout(_ random: inout SeededGenerator) -> Rollout {
        let truths: [String]? = [nil, [string(&random, maxParts: 3)], ["7"], ["A"], ["", "x"]].randomElement(using: &random)!
        return Rollout(
            response: string(&random), groundTruths: truths, answerType: AnswerType.allCases.randomElement(using: &random)!,
            requiresReasoning: [nil, true, false].randomElement(using: &random)!,
            tolerance: [nil, 0, 1e-3, 1].randomElement(using: &random)!,
            prefix: [nil, "<judge>", string(&random, maxParts: 2)].randomElement(using: &random)!
        )
    }
}

@Suite("Properties over arbitrary input")
struct PropertyTests {
    @Test("any response, any rollout, any preset: no crash, reward null or within [0, 1]", arguments: [1, 2, 3, 4] as [UInt64])
    func rewardInRange(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let formulas = [Formula.sail(alpha: 0.9), .answerFormat(alpha: 0.3), .answerOnly, try Formula.parse("2*answer - format"), try Formula.parse("think/judge")]
        let engines = [RewardEngine(), RewardEngine(judge: ScriptedJudge())]
        for _ in 0..<1500 {
            let rollout = RandomRollouts.rollout(&random)
            let options = ScoringOptions(formula: formulas.randomElement(using: &random)!, shortCircuit: Bool.random(using: &random))
            let result = await engines.randomElement(using: &random)!.score(rollout, options: options)
            if let reward = result.reward {
                #expect((0...1).contains(reward), "seed \(seed): \(rollout.response.debugDescription)")
            } else {
                #expect(result.error != nil)
            }
            for value in result.components.values {
                #expect((0...1).contains(value))
            }
        }
    }

    @Test("arbitrary bytes decode to a rollout or an error, never a crash", arguments: [7, 8] as [UInt64])
    func arbitraryJSON(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pieces = ["{", "}", "[", "]", "\"response\"", "\"rollouts\"", ":", ",", "\"x\"", "1", "null", "true", "\"config\"", "\"formula\"", "\"(((\""]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...20, using: &random) { text += pieces.randomElement(using: &random)! }
            _ = try? Wire.readRewardRequest(Array(text.utf8))
        }
    }
}
