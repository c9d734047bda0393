/// The custom judged components: asked about after the built-in verdicts, each only while the reward
/// still depends on it.
extension RolloutScoring {
    mutating func scoreCustom(judgeAvailable: Bool) {
        for component in options.customComponents {
            if component.inputs.contains(.thinking), !parsed.hasReasoning {
                // Nothing to judge, as for the thinking components of a direct answer.
                skipCustom(component.name, .noReasoning)
            } else if judgeAvailable {
                pendingCustom.append(component)
            } else {
                unavailable.append(RewardError(
                    code: .componentUnavailable, message: "the custom component '\(component.name)' needs an LLM judge and none is configured"))
            }
        }
    }

    mutating func judgeCustom(_ judge: any Judge) async {
        let pending = pendingCustom
        pendingCustom = []
        for component in pending {
            if rewardDetermined {
                skipCustom(component.name, .shortCircuit)
                continue
            }
            guard let verdict = await ask(judge, customRequest(component)) else { return }
            recordCustom(component.name, verdict.score ?? (verdict.passed ? 1 : 0))
        }
    }

    /// The request for `component`: only the inputs it declares are filled in.
    func customRequest(_ component: CustomComponent) -> JudgeRequest {
        let inputs = component.inputs
        let groundTruth = rollout.structuredGroundTruth ?? rollout.groundTruths?.joined(separator: "\n") ?? ""
        var request = JudgeRequest(
            kind: .custom, question: inputs.contains(.prompt) ? rollout.prompt : "",
            reasoning: inputs.contains(.thinking) ? parsed.reasoning : "",
            answer: inputs.contains(.answer) ? parsed.answerSection : "",
            reference: inputs.contains(.groundTruth) ? groundTruth : "",
            images: inputs.contains(.images) ? rollout.images : [])
        request.custom = component
        return request
    }

    mutating func recordCustom(_ name: String, _ value: Double) {
        customValues[name] = value
        result.customComponents[name] = value
        if value < 1 { result.customReasons[name] = JudgmentReason.judgeSaysNo.rawValue }
    }

    mutating func skipCustom(_ name: String, _ reason: SkipReason) {
        if reason.countsAsOne { customValues[name] = 1 }
        result.customSkipped[name] = reason.rawValue
    }
}
