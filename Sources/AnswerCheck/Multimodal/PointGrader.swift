/// `point`: a predicted point inside a ground-truth box, or within a radius of a ground-truth point.
enum PointGrader {
    /// Where the point must land.
    enum Target: Equatable {
        /// Inside the box, edges included.
        case box(Box)
        /// Within `radius` of the point, inclusive.
        case disc(x: Double, y: Double, radius: Double)

        func contains(x: Double, y: Double) -> Bool {
            switch self {
            case .box(let box): return box.contains(x: x, y: y)
            case .disc(let centreX, let centreY, let radius):
                let (dx, dy) = (x - centreX, y - centreY)
                return (dx * dx + dy * dy).squareRoot() <= radius
            }
        }
    }

    /// 1 when the answer's single point hits the target, else 0.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let target = try target(groundTruth, radius: options.radius)
        let point = try predictedPoint(PredictionScanner().scan(answer))
        guard point.allSatisfy(CoordinateSpace.isUsable) else { throw GradeFailure(.invalidNumber) }
        let space = CoordinateSpace(options)
        guard space.isInside(x: point[0], y: point[1]) else { throw GradeFailure(.outsideImage) }
        let (x, y) = space.convert(x: point[0], y: point[1])
        return AnswerGrade(score: target.contains(x: x, y: y) ? 1 : 0)
    }

    /// A box `[x1, y1, x2, y2]`, or a point `[x, y]` / `{"point": [x, y], "radius": r}`. The radius
    /// option wins over the ground truth's; with neither the point must be hit exactly.
    static func target(_ text: String, radius: Double?) throws(GradeFailure) -> Target {
        let scan = PredictionScanner().scan(QuotedText.unquoted(text))
        let boxes = scan.lists(of: 4)
        let points = scan.lists(of: 2)
        if boxes.count == 1, points.isEmpty, let box = boxes.first.map({ Box($0.numbers) }),
            box.coordinates.allSatisfy(CoordinateSpace.isUsable), !box.isDegenerate
        {
            return .box(box)
        }
        let given = scan.groups.lazy.filter { $0.bracket == .object }
            .compactMap { group in zip(group.keys, group.numbers).first { $0.0 == "radius" || $0.0 == "r" }?.1 }.first
        let reach = radius ?? given ?? 0
        guard boxes.isEmpty, points.count == 1, let point = points.first?.numbers,
            point.allSatisfy(CoordinateSpace.isUsable), reach >= 0, reach.isFinite
        else { throw GradeFailure(.unparseableGroundTruth) }
        return .disc(x: point[0], y: point[1], radius: reach)
    }

    /// The one point an answer names: `[x, y]`, `(x, y)`, `{"point_2d": [x, y]}`, `{"x": 1, "y": 2}` or `x, y`.
    static func predictedPoint(_ scan: ScannedText) throws(GradeFailure) -> [Double] {
        if scan.overflowed { throw GradeFailure(.tooManyPredictions) }
        let candidates = scan.groups.filter { $0.numbers.count == 2 && ($0.bracket == .list || $0.keys.allSatisfy { $0 != nil }) }
        let distinct = Set(candidates.map(\.numbers))
        if distinct.count > 1 { throw GradeFailure(.severalPredictions) }
        if let point = distinct.first { return point }
        if scan.hasLists { throw GradeFailure(.malformedPrediction) }
        if scan.groups.isEmpty, scan.looseNumbers.count == 2 { return scan.looseNumbers }
        throw GradeFailure(scan.looseNumbers.count > 2 ? .severalPredictions : .noPrediction)
    }
}
