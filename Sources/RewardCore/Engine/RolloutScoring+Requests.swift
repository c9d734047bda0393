/// What the judge is asked about one rollout, per verdict kind: built here only.
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
}
