@testable import AnswerCheck

/// Grades with options built in place, for table tests.
func graded(
    _ type: AnswerType, _ answer: String, _ truth: String, _ configure: (inout AnswerOptions) -> Void = { _ in }
) -> AnswerGrade {
    var options = AnswerOptions()
    configure(&options)
    return MultimodalGrader.grade(answer, groundTruth: truth, type: type, options: options)
}

/// The math tests' seeded generator serves the property tests too: the same cases on every run.
extension SplitMix: RandomNumberGenerator {
    /// A box with integer corners inside `extent` and a positive area.
    mutating func box(in extent: Int = 100) -> Box {
        let x1 = Int.random(in: 0..<(extent - 1), using: &self)
        let y1 = Int.random(in: 0..<(extent - 1), using: &self)
        let x2 = Int.random(in: (x1 + 1)...extent, using: &self)
        let y2 = Int.random(in: (y1 + 1)...extent, using: &self)
        return Box(x1: Double(x1), y1: Double(y1), x2: Double(x2), y2: Double(y2))
    }
}

extension Box {
    /// The box as the JSON a model writes.
    var json: String { "[\(x1), \(y1), \(x2), \(y2)]" }
}
