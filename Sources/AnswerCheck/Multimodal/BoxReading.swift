/// Reads boxes out of a scan: four-number lists, or pairs of two-number lists `(x1,y1),(x2,y2)`.
enum BoxReading {
    /// The most boxes read from one side; more is refused, which keeps matching bounded.
    static let maxBoxes = 1_000

    /// The boxes written in `scan`, raw (not yet converted); empty when it names none.
    ///
    /// Four-number lists (and objects naming `x1`…`y2`) win; failing those, two-number lists pair up (Qwen2-VL's `(x1,y1),(x2,y2)`);
    /// failing those, four loose numbers make one box. Any other bracketed list is a malformed box.
    static func boxes(in scan: ScannedText) throws(GradeFailure) -> [Box] {
        if scan.overflowed { throw GradeFailure(.tooManyPredictions) }
        let quads = scan.lists(of: 4).map { Box($0.numbers, label: $0.label) } + scan.namedBoxes
        if !quads.isEmpty {
            guard quads.count <= maxBoxes else { throw GradeFailure(.tooManyPredictions) }
            return quads
        }
        let pairs = scan.lists(of: 2)
        if !pairs.isEmpty {
            guard pairs.count.isMultiple(of: 2) else { throw GradeFailure(.malformedPrediction) }
            guard pairs.count / 2 <= maxBoxes else { throw GradeFailure(.tooManyPredictions) }
            return stride(from: 0, to: pairs.count, by: 2).map { start in
                Box(pairs[start].numbers + pairs[start + 1].numbers, label: pairs[start].label ?? pairs[start + 1].label)
            }
        }
        if scan.hasLists { throw GradeFailure(.malformedPrediction) }
        if scan.groups.isEmpty, scan.looseNumbers.count == 4 { return [Box(scan.looseNumbers)] }
        return []
    }

    /// The ground truth's boxes, which must all be finite and have an area.
    static func groundTruth(_ text: String) throws(GradeFailure) -> [Box] {
        let scan = PredictionScanner().scan(QuotedText.unquoted(text))
        let boxes: [Box]
        do { boxes = try Self.boxes(in: scan) } catch { throw GradeFailure(.unparseableGroundTruth) }
        let valid = boxes.allSatisfy { $0.coordinates.allSatisfy(CoordinateSpace.isUsable) && !$0.isDegenerate }
        guard valid else { throw GradeFailure(.unparseableGroundTruth) }
        return boxes
    }
}
