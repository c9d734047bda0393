/// The verdict of comparing one extracted answer with one ground truth.
public struct AnswerVerdict: Sendable, Equatable {
    /// Whether the answer is equivalent to the ground truth.
    public var isCorrect: Bool
    /// A machine-readable reason when the answer is not correct (`not_equivalent`, `too_complex`, ...).
    public var reason: String?

    /// Creates a verdict.
    public init(isCorrect: Bool, reason: String? = nil) {
        self.isCorrect = isCorrect
        self.reason = isCorrect ? nil : (reason ?? "not_equivalent")
    }

    /// The answer matches the ground truth.
    public static let correct = AnswerVerdict(isCorrect: true)

    /// The answer does not match, for the given reason.
    public static func wrong(_ reason: String = "not_equivalent") -> AnswerVerdict {
        AnswerVerdict(isCorrect: false, reason: reason)
    }
}

/// Compares a final answer with a ground truth; pure and safe to call from many tasks at once.
public protocol AnswerChecker: Sendable {
    /// Checks `answer` against one `groundTruth`, with `tolerance` as the relative numeric tolerance.
    func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict
}
