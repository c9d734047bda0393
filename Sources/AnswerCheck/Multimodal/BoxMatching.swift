/// A one-to-one matching of predicted boxes to ground-truth boxes with equal labels.
///
/// Greedy by IoU, highest first, as COCO-style evaluation does; a pair needs IoU at or above the
/// threshold (and above 0). Each box is matched at most once, so a repeated prediction cannot take
/// one ground-truth box twice. Ties are broken by the boxes' own coordinates, never by their
/// position in the answer, so reordering the predictions cannot change the result.
struct BoxMatching: Sendable {
    /// The IoU of each matched pair.
    private(set) var matchedIoUs: [Double] = []

    /// Matches `predicted` to `truths`; both are capped by ``BoxReading/maxBoxes``, bounding the pair count.
    init(predicted: [Box], truths: [Box], threshold: Double) {
        var candidates: [(iou: Double, truth: Int, prediction: Int)] = []
        for (truthIndex, truth) in truths.enumerated() {
            for (predictionIndex, box) in predicted.enumerated() where Self.labelsAgree(truth: truth, prediction: box) {
                let iou = box.iou(truth)
                if iou > 0, iou >= threshold { candidates.append((iou, truthIndex, predictionIndex)) }
            }
        }
        candidates.sort { first, second in
            if first.iou != second.iou { return first.iou > second.iou }
            if first.truth != second.truth { return first.truth < second.truth }
            let (one, other) = (predicted[first.prediction], predicted[second.prediction])
            return (one.x1, one.y1, one.x2, one.y2) < (other.x1, other.y1, other.x2, other.y2)
        }
        var truthTaken = [Bool](repeating: false, count: truths.count)
        var predictionTaken = [Bool](repeating: false, count: predicted.count)
        for candidate in candidates where !truthTaken[candidate.truth] && !predictionTaken[candidate.prediction] {
            truthTaken[candidate.truth] = true
            predictionTaken[candidate.prediction] = true
            matchedIoUs.append(candidate.iou)
        }
    }

    /// A ground truth without a label accepts any; one with a label needs the same (trimmed, case-folded).
    static func labelsAgree(truth: Box, prediction: Box) -> Bool {
        guard let label = truth.label, !label.isEmpty else { return true }
        return prediction.label == label
    }
}
