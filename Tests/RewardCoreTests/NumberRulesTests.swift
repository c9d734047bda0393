import AnswerCheck
import Testing

@testable import RewardCore

@Suite("Number rules on the wire: a rollout's precision and the percent policy")
struct NumberRulesTests {
    func score(_ json: String, config: String? = nil) throws -> RewardResult {
        let rollout = try Wire.readRollout(Array(json.utf8)).rollout.get()
        var options = ScoringOptions()
        if let config {
            let body = #"{"rollouts": [], "config": \#(config)}"#
            options = try RequestConfig().overlaid(with: try Wire.readRewardRequest(Array(body.utf8)).config).scoringOptions()
        }
        return RewardEngine().scoreWithRules(rollout, options: options)
    }

    @Test("precision rounds both sides: 0.6667 is 2/3 at 4 places, not at 6, and not without it")
    func precision() throws {
        let base = #"{"response": "<judge>direct</judge><think></think>\\boxed{0.6667}", "ground_truth": "\\frac{2}{3}", "requires_reasoning": false"#
        #expect(try score(base + #", "precision": 4}"#).components[.answer] == 1)
        #expect(try score(base + #", "precision": 6}"#).components[.answer] == 0)
        #expect(try score(base + "}").components[.answer] == 0)
        guard case .failure(let error) = Wire.readRollout(Array((base + #", "precision": 2.5}"#).utf8)).rollout else {
            Issue.record("a fractional precision was accepted")
            return
        }
        #expect(error.field == "precision")
    }

    @Test("percent: 35% is 0.35 by default; with percent either it is also 35")
    func percent() throws {
        let rollout = #"{"response": "<judge>direct</judge><think></think>\\boxed{35\\%}", "ground_truth": "35", "requires_reasoning": false}"#
        #expect(try score(rollout).components[.answer] == 0)
        #expect(try score(rollout, config: #"{"percent": "either"}"#).components[.answer] == 1)
        let fraction = #"{"response": "<judge>direct</judge><think></think>\\boxed{35\\%}", "ground_truth": "0.35", "requires_reasoning": false}"#
        #expect(try score(fraction).components[.answer] == 1)
    }
}
