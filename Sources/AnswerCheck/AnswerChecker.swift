/// The verdict of comparing one extracted answer with one ground truth.
public struct AnswerVerdict: Sendable, Equatable {
    /// Whether the answer is equivalent to the ground truth.
    public var isCorrect: Bool
    /// Why the answer is not correct; nil when it is.
    public var reason: AnswerReason?

    /// Creates a verdict.
    public init(isCorrect: Bool, reason: AnswerReason? = nil) {
        self.isCorrect = isCorrect
        self.reason = isCorrect ? nil : (reason ?? .notEquivalent)
    }

    /// The answer matches the ground truth.
    public static let correct = AnswerVerdict(isCorrect: true)

    /// The answer does not match, for the given reason.
    public static func wrong(_ reason: AnswerReason = .notEquivalent) -> AnswerVerdict {
        AnswerVerdict(isCorrect: false, reason: reason)
    }
}

/// Compares a final answer with a ground truth; pure and safe to call from many tasks at once.
public protocol AnswerChecker: Sendable {
    /// Checks `answer` against one `groundTruth`, with `tolerance` as the relative numeric tolerance.
    func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict
}
