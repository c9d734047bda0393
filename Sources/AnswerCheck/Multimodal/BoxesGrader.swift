/// `boxes`: several labelled boxes against the ground truth's, by one-to-one matching.
enum BoxesGrader {
    /// The matching IoU when `iou_threshold` is not given, and always for `map50`.
    static let defaultThreshold = 0.5
    /// The most ground-truth × predicted pairs compared; beyond it the answer is too complex to match.
    static let maxPairs = 250_000

    /// F1, mean IoU or AP at 0.5 of the matches; both sides empty scores 1, one side empty 0.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let truths = try BoxReading.groundTruth(groundTruth)
        let raw = try BoxReading.boxes(in: PredictionScanner().scan(answer))
        let space = CoordinateSpace(options)
        // Any invalid box spoils the answer: a list is graded whole, as one prediction.
        var predicted: [Box] = []
        predicted.reserveCapacity(raw.count)
        for box in raw { predicted.append(try space.convert(box)) }
        switch (truths.isEmpty, predicted.isEmpty) {
        case (true, true): return AnswerGrade(score: 1)
        case (false, true): throw GradeFailure(.noPrediction)
        case (true, false): return .zero(.notEquivalent)
        case (false, false): break
        }
        guard truths.count * predicted.count <= maxPairs else { throw GradeFailure(.tooComplex) }
        let threshold = options.boxesMode == .map50 ? defaultThreshold : (options.iouThreshold ?? defaultThreshold)
        let matching = BoxMatching(predicted: predicted, truths: truths, threshold: threshold)
        return AnswerGrade(score: score(matching, predicted: predicted.count, truths: truths.count, mode: options.boxesMode))
    }

    /// The score of a matching under a mode.
    static func score(_ matching: BoxMatching, predicted: Int, truths: Int, mode: AnswerOptions.BoxesMode) -> Double {
        let matched = Double(matching.matchedIoUs.count)
        let predictedCount = Double(predicted)
        let truthCount = Double(truths)
        switch mode {
        case .f1:
            return 2 * matched / (predictedCount + truthCount)
        case .meanIoU:
            return matching.matchedIoUs.reduce(0, +) / max(predictedCount, truthCount)
        case .map50:
            // All scores equal: the precision-recall curve is one point, so AP = precision x recall.
            let averagePrecision = (matched / predictedCount) * (matched / truthCount)
            return averagePrecision * min(1, truthCount / predictedCount)
        }
    }
}
