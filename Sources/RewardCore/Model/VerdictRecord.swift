/// One verdict a rollout's score used: what `include: ["judge"]` returns and the per-kind metrics count.
public struct VerdictRecord: Sendable, Equatable {
    /// What it decided: a verdict kind (`think_judge`, `logic`, `grounding`, `consistency`, `answer`) or a custom component.
    public var kind: String
    /// The verdict with its cost and provenance.
    public var verdict: JudgeVerdict

    /// Creates a record.
    public init(kind: String, verdict: JudgeVerdict) {
        self.kind = kind
        self.verdict = verdict
    }
}

/// Which optional parts a result carries; the raw values are the `include` list's words.
public enum ResultPart: String, Sendable, Hashable, CaseIterable {
    /// Each verdict's kind, cache hit, model, raw text, tokens, latency and agreement (`judge` in the result).
    case judge
}
