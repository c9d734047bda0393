/// `span`: a predicted time span against the ground truth's, by temporal IoU.
enum SpanGrader {
    /// A time span in seconds.
    struct Span: Equatable {
        /// Start, in seconds.
        var start: Double
        /// End, in seconds.
        var end: Double

        /// Intersection over union of the two intervals; 0 when the union is empty.
        func iou(_ other: Span) -> Double {
            let intersection = max(0, min(end, other.end) - max(start, other.start))
            let union = (end - start) + (other.end - other.start) - intersection
            return union > 0 ? intersection / union : 0
        }
    }

    /// The temporal IoU (or 0/1 at `iouThreshold`) of the answer's single span with the ground truth's.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let truth: Span
        do { truth = try span(in: QuotedText.unquoted(groundTruth)) } catch { throw GradeFailure(.unparseableGroundTruth) }
        guard truth.end > truth.start else { throw GradeFailure(.unparseableGroundTruth) }
        let predicted = try span(in: answer)
        return BoxGrader.thresholded(predicted.iou(truth), at: options.iouThreshold)
    }

    /// The one span a text names: `[12.5, 20.1]`, `{"start": 1, "end": 2}`, `12.5 - 20.1 seconds`,
    /// `from 00:12 to 00:20`, `1:02:03.5 to 1:02:09`. Plain numbers are seconds.
    static func span(in text: String) throws(GradeFailure) -> Span {
        let scan = PredictionScanner(readsTimestamps: true).scan(text)
        if scan.overflowed { throw GradeFailure(.tooManyPredictions) }
        let candidates = scan.groups.filter { $0.numbers.count == 2 }
        let distinct = Set(candidates.map(\.numbers))
        let pair: [Double]
        if distinct.count > 1 { throw GradeFailure(.severalPredictions) }
        if let only = distinct.first {
            pair = only
        } else if scan.hasLists {
            throw GradeFailure(.malformedPrediction)
        } else if scan.looseNumbers.count == 2 {
            pair = scan.looseNumbers
        } else {
            throw GradeFailure(scan.looseNumbers.count > 2 ? .severalPredictions : .noPrediction)
        }
        guard pair.allSatisfy(CoordinateSpace.isUsable) else { throw GradeFailure(.invalidNumber) }
        guard pair[0] >= 0, pair[1] >= pair[0] else { throw GradeFailure(.invalidSpan) }
        return Span(start: pair[0], end: pair[1])
    }
}
