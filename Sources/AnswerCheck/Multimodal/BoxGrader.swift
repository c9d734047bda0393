/// `bbox`: one predicted box against one ground-truth box, by IoU.
enum BoxGrader {
    /// The IoU (or 0/1 at `iouThreshold`) of the answer's single box with the ground truth's.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let truths = try BoxReading.groundTruth(groundTruth)
        guard truths.count == 1, let truth = truths.first else { throw GradeFailure(.unparseableGroundTruth) }
        let predicted = try BoxReading.boxes(in: PredictionScanner().scan(answer))
        // The same box written twice (in the reasoning and the answer) is one prediction.
        let distinct = Set(predicted.map { Box(x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2) })
        guard let box = distinct.first else { throw GradeFailure(.noPrediction) }
        guard distinct.count == 1 else { throw GradeFailure(.severalPredictions) }
        let iou = try CoordinateSpace(options).convert(box).iou(truth)
        return thresholded(iou, at: options.iouThreshold)
    }

    /// The overlap as a grade: kept as is, or 0/1 at the threshold when one is given.
    static func thresholded(_ overlap: Double, at threshold: Double?) -> AnswerGrade {
        guard let threshold else { return AnswerGrade(score: overlap) }
        return AnswerGrade(score: overlap >= threshold ? 1 : 0)
    }
}
