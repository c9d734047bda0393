/// Grades the answers of the multimodal types (``AnswerType/isGraded``) against their ground truth.
public enum MultimodalGrader {
    /// Grades `answer` (the box or `<answer>` content) against `groundTruth` (its text, JSON for
    /// structured truths) as `type`; pure, bounded in work, never crashing on hostile input.
    public static func grade(_ answer: String, groundTruth: String, type: AnswerType, options: AnswerOptions) -> AnswerGrade {
        // Filled in by the multimodal checkers; until then nothing graded scores.
        .zero(.notEquivalent)
    }
}
