/// What the judge is asked about one rollout, per verdict kind: built here only, for scoring and for
/// `referee judge-eval` alike.
extension RolloutScoring {
    /// The open-ended answer against `reference`.
    func answerRequest(reference: String) -> JudgeRequest {
        JudgeRequest(kind: .answer, question: rollout.prompt, answer: parsed.finalAnswer ?? "", reference: reference, images: rollout.images)
    }

    /// The think/direct decision.
    func thinkJudgeRequest() -> JudgeRequest {
        JudgeRequest(kind: .thinkJudge, question: rollout.prompt, decision: parsed.decision.rawValue, images: rollout.images)
    }

    /// One of the three thinking verdicts.
    func thinkingRequest(_ kind: VerdictKind) -> JudgeRequest {
        JudgeRequest(
            kind: kind, question: rollout.prompt, reasoning: parsed.reasoning,
            answer: kind == .consistency ? parsed.answerSection : "", images: rollout.images)
    }

    /// The request for `kind` (a verdict kind's or a custom component's name); nil for a name that is neither.
    func request(for kind: String, custom: [CustomComponent]) -> JudgeRequest? {
        if let component = custom.first(where: { $0.name == kind }) { return customRequest(component) }
        guard let verdict = VerdictKind(rawValue: kind) else { return nil }
        switch verdict {
        case .answer: return answerRequest(reference: rollout.groundTruths?.first ?? rollout.structuredGroundTruth ?? "")
        case .thinkJudge: return thinkJudgeRequest()
        case .logic, .grounding, .consistency: return thinkingRequest(verdict)
        case .custom: return nil
        }
    }
}

extension RewardEngine {
    /// The request scoring would send the judge for `kind` (`think_judge`, `logic`, `grounding`, `consistency`,
    /// `answer`, or one of `custom`'s names) about `rollout`; nil for another name.
    public func judgeRequest(_ kind: String, for rollout: Rollout, options: ScoringOptions, custom: [CustomComponent] = []) -> JudgeRequest? {
        RolloutScoring(rollout: rollout, options: options, answers: answers, judgeAvailable: true).request(for: kind, custom: custom)
    }
}
