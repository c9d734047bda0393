import RewardCore

/// An in-process judge that answers from a script and counts its calls.
actor ScriptedJudge: Judge {
    var verdicts: [VerdictKind: Bool]
    var failure: JudgeFailure?
    var requiresReasoning = true
    private(set) var calls: [VerdictKind] = []

    init(_ verdicts: [VerdictKind: Bool] = [:], failing failure: JudgeFailure? = nil) {
        self.verdicts = verdicts
        self.failure = failure
    }

    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        calls.append(request.kind)
        if let failure { throw failure }
        return JudgeVerdict(
            passed: verdicts[request.kind] ?? true,
            requiresReasoning: request.kind == .thinkJudge ? requiresReasoning : nil,
            rawText: "TRUE", model: "scripted", promptTokens: 10, completionTokens: 1,
            fromCache: calls.count > 10
        )
    }
}
