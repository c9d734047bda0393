import AnswerCheck
import Testing

@testable import RewardCore

@Suite("Number rules on the wire: a rollout's precision, the percent and relation/set policies")
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

    @Test("set_relations: x >= 2 matches a gold [2,oo) by default; with set_relations apart it does not")
    func setRelations() throws {
        let inequality = #"{"response": "<judge>direct</judge><think></think>\\boxed{x \\ge 2}", "ground_truth": "[2,\\infty)", "requires_reasoning": false}"#
        #expect(try score(inequality).components[.answer] == 1)
        #expect(try score(inequality, config: #"{"set_relations": "equal"}"#).components[.answer] == 1)
        #expect(try score(inequality, config: #"{"set_relations": "apart"}"#).components[.answer] == 0)
        // A gold inequality still accepts its interval.
        let interval = #"{"response": "<judge>direct</judge><think></think>\\boxed{[2,\\infty)}", "ground_truth": "x \\ge 2", "requires_reasoning": false}"#
        #expect(try score(interval, config: #"{"set_relations": "apart"}"#).components[.answer] == 1)
        // The server's setting is overlaid by the request's, and an unknown value names its field.
        var server = RequestConfig()
        server.setRelations = .apart
        let body = #"{"rollouts": [], "config": {"set_relations": "equal"}}"#
        let merged = server.overlaid(with: try Wire.readRewardRequest(Array(body.utf8)).config)
        #expect(try merged.scoringOptions().setRelations == .equal)
        #expect(try server.overlaid(with: nil).scoringOptions().setRelations == .apart)
        do {
            _ = try Wire.readRewardRequest(Array(#"{"rollouts": [], "config": {"set_relations": "never"}}"#.utf8))
            Issue.record("an unknown set_relations value was accepted")
        } catch {
            #expect(error.field == "config.set_relations")
        }
    }
}
