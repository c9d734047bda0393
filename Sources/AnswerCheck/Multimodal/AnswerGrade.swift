/// A graded comparison: a score in [0, 1] and, below 1, why.
public struct AnswerGrade: Sendable, Equatable {
    /// The score in [0, 1]; 1 is a perfect answer.
    public var score: Double
    /// Why the score is below 1; nil when it is 1.
    public var reason: AnswerReason?

    /// Creates a grade; the score is clamped to [0, 1] and a non-finite score becomes 0.
    public init(score: Double, reason: AnswerReason? = nil) {
        let clamped = score.isFinite ? min(1, max(0, score)) : 0
        self.score = clamped
        self.reason = clamped >= 1 ? nil : (reason ?? .notEquivalent)
    }

    /// A 0 for the given reason.
    public static func zero(_ reason: AnswerReason) -> AnswerGrade { AnswerGrade(score: 0, reason: reason) }
}
