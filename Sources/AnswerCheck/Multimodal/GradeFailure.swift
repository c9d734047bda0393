/// Why one side cannot be graded; thrown (typed) by the readers and turned into a 0 by the grader.
struct GradeFailure: Error, Equatable {
    /// The reason the grade carries.
    let reason: AnswerReason

    /// Wraps a reason.
    init(_ reason: AnswerReason) { self.reason = reason }
}
