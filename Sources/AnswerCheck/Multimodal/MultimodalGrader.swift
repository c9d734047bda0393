/// Grades the answers of the multimodal types (``AnswerType/isGraded``) against their ground truth.
public enum MultimodalGrader {
    /// Grades `answer` (the box or `<answer>` content) against `groundTruth` (its text, JSON for
    /// structured truths) as `type`; pure, bounded in work, never crashing on hostile input.
    public static func grade(_ answer: String, groundTruth: String, type: AnswerType, options: AnswerOptions) -> AnswerGrade {
        // Oversized text is refused before any reading: the cost of every grader is linear in it.
        guard answer.utf8.count <= maxAnswerBytes(type), groundTruth.utf8.count <= PredictionScanner.maxBytes else {
            return .zero(.tooComplex)
        }
        // Text recognition may legitimately expect nothing; every other type needs a ground truth.
        if type != .ocr, groundTruth.trimmedWhitespace.isEmpty { return .zero(.emptyGroundTruth) }
        // A model may quote its whole answer as a JSON string; the text of `ocr` is taken as written.
        let answer = type == .ocr ? answer : QuotedText.unquoted(answer)
        do throws(GradeFailure) {
            switch type {
            case .bbox: return try BoxGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .boxes: return try BoxesGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .point: return try PointGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .span: return try SpanGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .ordering: return try OrderingGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .count: return try CountGrader.grade(answer, groundTruth: groundTruth)
            case .ocr: return try TextSimilarityGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .multiChoice: return try ChoiceSetGrader.grade(answer, groundTruth: groundTruth, options: options)
            case .auto, .math, .choice, .text, .judge, .code: return .zero(.notEquivalent)  // rule-checked or run, never graded here
            }
        } catch {
            return .zero(error.reason)
        }
    }

    /// The longest answer read: 256 KiB for a list of boxes or a page of text, 64 KiB for one value
    /// (a box, a point, a span, an order, a count or a set of letters).
    static func maxAnswerBytes(_ type: AnswerType) -> Int {
        type == .boxes || type == .ocr ? PredictionScanner.maxBytes : 1 << 16
    }
}
