import RewardCore
import Foundation

/// Greedy evaluation of a policy on held-out items, scored by the reward service.
public struct EvalReport: Sendable, Codable, Equatable {
    /// Items evaluated.
    public var n: Int
    /// Mean reward over scored items.
    public var reward: Double
    /// Share of decisions matching the label.
    public var judgeAccuracy: Double
    /// Share of right final answers.
    public var answerAccuracy: Double
    /// Share in the exact layout.
    public var formatRate: Double
    /// Right answers among easy items.
    public var easyAnswerAccuracy: Double
    /// Right answers among hard items.
    public var hardAnswerAccuracy: Double
    /// Share of easy items where the policy chose to think.
    public var thinkRateEasy: Double
    /// Share of hard items where the policy chose to think.
    public var thinkRateHard: Double
    /// Items the service abstained on.
    public var abstained: Int
}

/// Runs greedy decoding and scoring.
public struct Evaluator: Sendable {
    /// The reward service.
    public let client: any RewardScorer
    /// Longest response.
    public let maxNewTokens: Int

    /// An evaluator.
    public init(client: any RewardScorer, maxNewTokens: Int) {
        self.client = client
        self.maxNewTokens = maxNewTokens
    }

    /// Scores greedy responses of `model` to `items`.
    public func evaluate(_ model: Transformer, items: [TaskItem]) async throws -> EvalReport {
        let tokenizer = Tokenizer()
        var rng = RandomStream(seed: 0, stream: "greedy")
        let generations = Sampler(model: model).generate(
            prompts: items.map { SFTTrainer.promptTokens($0, tokenizer) },
            params: SamplingParams(maxNewTokens: maxNewTokens, greedy: true), rng: &rng)
        let rollouts = zip(items, generations).map { item, g in
            item.rollout(id: item.id, response: tokenizer.decode(g.tokens), group: nil)
        }
        let response = try await RewardCall.score(rollouts, advantage: AdvantageMode.none, with: client)
        let rows = Array(zip(items, response.results))
        func mean(_ sel: [(TaskItem, RewardResult)], _ f: (RewardResult) -> Double?) -> Double {
            let v = sel.compactMap { f($0.1) }
            return v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count)
        }
        let easy = rows.filter { !$0.0.requiresReasoning }
        let hard = rows.filter { $0.0.requiresReasoning }
        let thinks = { (r: RewardResult) -> Double? in r.decision == .think ? 1 : 0 }
        return EvalReport(
            n: items.count, reward: mean(rows) { $0.reward }, judgeAccuracy: mean(rows) { $0.components[.judge] },
            answerAccuracy: mean(rows) { $0.components[.answer] }, formatRate: mean(rows) { $0.components[.format] },
            easyAnswerAccuracy: mean(easy) { $0.components[.answer] }, hardAnswerAccuracy: mean(hard) { $0.components[.answer] },
            thinkRateEasy: mean(easy, thinks), thinkRateHard: mean(hard, thinks),
            abstained: rows.filter { $0.1.reward == nil }.count)
    }
}

/// The pass criteria for RL against its SFT starting point.
public enum PassCriteria {
    /// One criterion and whether it holds.
    public struct Check: Sendable, Equatable {
        /// What is required.
        public var requirement: String
        /// Measured value(s).
        public var observed: String
        /// Whether it holds.
        public var passed: Bool
    }

    /// Judge accuracy ≥ 0.9 and ≥ SFT + 0.3; reward up ≥ 0.25; format ≥ 0.95; easy answers ≥ SFT − 0.05.
    public static func check(before: EvalReport, after: EvalReport) -> [Check] {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        return [
            Check(requirement: "judge-decision accuracy >= 0.9", observed: f(after.judgeAccuracy), passed: after.judgeAccuracy >= 0.9),
            Check(
                requirement: "judge-decision accuracy >= SFT + 0.3", observed: "\(f(after.judgeAccuracy)) vs \(f(before.judgeAccuracy))",
                passed: after.judgeAccuracy >= before.judgeAccuracy + 0.3 - 1e-9),
            Check(
                requirement: "mean reward up by >= 0.25", observed: "\(f(after.reward)) vs \(f(before.reward))",
                passed: after.reward >= before.reward + 0.25 - 1e-9),
            Check(requirement: "format rate >= 0.95", observed: f(after.formatRate), passed: after.formatRate >= 0.95),
            Check(
                requirement: "easy answer accuracy >= SFT - 0.05",
                observed: "\(f(after.easyAnswerAccuracy)) vs \(f(before.easyAnswerAccuracy))",
                passed: after.easyAnswerAccuracy >= before.easyAnswerAccuracy - 0.05 - 1e-9),
        ]
    }
}
