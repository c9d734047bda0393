/// An in-process stand-in for `referee serve` in rules mode, for tests and offline runs.
///
/// It implements the contract for this task's responses (integer answers, label-based judge):
/// reward = 0.9 * judge * answer + 0.1 * format, think counted as 1 (no LLM judge), groups as in
/// REWARD_SPEC section 4. It is not the service: the demo script talks to the real one.
public struct LocalRulesReward: RewardClient {
    /// Weight of the judge-and-answer product.
    public var alpha: Double

    /// The stand-in with SAIL-RL's alpha.
    public init(alpha: Double = 0.9) { self.alpha = alpha }

    /// Scores the batch in process.
    public func score(_ request: RewardRequest) async throws -> RewardResponse {
        scoreNow(request)
    }

    /// Synchronous scoring, for callers outside async code.
    public func scoreNow(_ request: RewardRequest) -> RewardResponse {
        var results = request.rollouts.map(scoreOne)
        let (advantages, groups) = GroupAdvantages.compute(
            rewards: results.map(\.reward), groups: request.rollouts.map(\.group), mode: request.config.advantage)
        for i in results.indices { results[i].advantage = advantages[i] }
        return RewardResponse(results: results, groups: groups)
    }

    func scoreOne(_ rollout: RewardRollout) -> RewardResult {
        let parsed = ParsedResponse(rollout.response)
        let format: Double = parsed.formatOK ? 1 : 0
        let judge: Double =
            switch parsed.decision {
            case "think": rollout.requiresReasoning ? 1 : 0
            case "direct": rollout.requiresReasoning ? 0 : 1
            default: 0
            }
        let answer: Double = parsed.finalAnswer.map { Int($0) != nil && Int($0) == Int(rollout.groundTruth.trimmed) } == true ? 1 : 0
        let reward = alpha * judge * answer + (1 - alpha) * format
        return RewardResult(
            id: rollout.id, reward: reward,
            components: ["format": format, "answer": answer, "judge": judge, "think": nil],
            decision: parsed.decision, advantage: nil)
    }
}

/// The SAIL-RL layout pieces of a response, parsed strictly enough for this task.
struct ParsedResponse {
    var decision = "unknown"
    var formatOK = false
    var finalAnswer: String?

    init(_ text: String) {
        let s = text.trimmed
        guard s.hasPrefix("<judge>"), s.count("<judge>") == 1, s.count("</judge>") == 1,
              s.count("<think>") == 1, s.count("</think>") == 1,
              let jEnd = s.firstRange(of: "</judge>"), let tStart = s.firstRange(of: "<think>"),
              let tEnd = s.firstRange(of: "</think>"), jEnd.upperBound <= tStart.lowerBound,
              tStart.upperBound <= tEnd.lowerBound
        else { return }
        let word = s[s.index(s.startIndex, offsetBy: 7)..<jEnd.lowerBound].trimmed.lowercased()
        if ["think", "thinking", "reason", "reasoning", "complex", "yes"].contains(word) { decision = "think" }
        if ["direct", "directly", "answer directly", "simple", "no", "no thinking"].contains(word) { decision = "direct" }
        let between = s[jEnd.upperBound..<tStart.lowerBound].trimmed
        let thought = s[tStart.upperBound..<tEnd.lowerBound].trimmed
        let answerSection = s[tEnd.upperBound...]
        let boxes = ParsedResponse.boxes(in: answerSection)
        // Hedging (several different boxes) or an unclosed last box leaves no final answer.
        if let last = boxes.last, !last.isEmpty, Set(boxes).count == 1, !ParsedResponse.hasUnclosedBox(after: answerSection) {
            finalAnswer = last
        }
        formatOK = decision != "unknown" && between.isEmpty && thought.isEmpty == (decision == "direct")
            && !boxes.isEmpty && boxes.allSatisfy { !$0.isEmpty } && !ParsedResponse.hasUnclosedBox(after: answerSection)
    }

    /// Contents of complete `\boxed{...}` groups, braces nesting.
    static func boxes(in s: Substring) -> [String] {
        var out: [String] = []
        var rest = s
        while let r = rest.firstRange(of: "\\boxed{") {
            var depth = 1
            var i = r.upperBound
            while i < rest.endIndex, depth > 0 {
                if rest[i] == "{" { depth += 1 }
                if rest[i] == "}" { depth -= 1 }
                if depth > 0 { i = rest.index(after: i) }
            }
            guard i < rest.endIndex else { break }
            out.append(String(rest[r.upperBound..<i]).trimmed)
            rest = rest[rest.index(after: i)...]
        }
        return out
    }

    static func hasUnclosedBox(after s: Substring) -> Bool {
        guard let r = s.ranges(of: "\\boxed{").last else { return false }
        return !s[r.upperBound...].contains("}")
    }
}

extension StringProtocol {
    var trimmed: String {
        String(String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)).reversed())
    }

    func count(_ needle: String) -> Int { ranges(of: needle).count }
}
