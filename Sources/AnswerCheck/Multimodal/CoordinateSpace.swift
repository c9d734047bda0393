/// Where predicted coordinates live and how they map onto the ground truth's space.
///
/// The ground truth is never converted: it is in original-image pixels when `imageSize` is given,
/// otherwise in the same space as the prediction (`coordinates`). Predictions are checked against
/// the bounds of their own space (when known) and then converted.
struct CoordinateSpace: Sendable {
    /// Coordinates beyond the edge by more than this share of the extent count as outside.
    static let edgeSlack = 0.01
    /// Coordinates beyond this magnitude are refused before any arithmetic.
    static let largestCoordinate = 1e7

    /// The prediction's unit.
    let coordinates: AnswerOptions.Coordinates
    /// The original image's size, when known and positive.
    let imageSize: AnswerOptions.Size?
    /// The size the model saw, when known and positive.
    let inputSize: AnswerOptions.Size?

    /// Reads the options; sizes that are not positive and finite are ignored.
    init(_ options: AnswerOptions) {
        coordinates = options.coordinates
        imageSize = options.imageSize.flatMap(Self.usable)
        inputSize = options.inputSize.flatMap(Self.usable)
    }

    /// The extent of the prediction's space, when known.
    var predictionBounds: AnswerOptions.Size? {
        switch coordinates {
        case .norm1000: AnswerOptions.Size(width: 1000, height: 1000)
        case .norm1: AnswerOptions.Size(width: 1, height: 1)
        case .pixel: inputSize ?? imageSize
        }
    }

    /// Whether a number is finite and of a plausible size.
    static func isUsable(_ value: Double) -> Bool { value.isFinite && abs(value) <= largestCoordinate }

    /// Whether a predicted point lies within the prediction's space (always true when its bounds are unknown).
    func isInside(x: Double, y: Double) -> Bool {
        guard let bounds = predictionBounds else { return true }
        let slackX = bounds.width * Self.edgeSlack
        let slackY = bounds.height * Self.edgeSlack
        return x >= -slackX && x <= bounds.width + slackX && y >= -slackY && y <= bounds.height + slackY
    }

    /// A predicted point in the ground truth's space.
    func convert(x: Double, y: Double) -> (x: Double, y: Double) {
        guard let image = imageSize else { return (x, y) }
        switch coordinates {
        case .norm1000: return (x / 1000 * image.width, y / 1000 * image.height)
        case .norm1: return (x * image.width, y * image.height)
        case .pixel:
            guard let input = inputSize else { return (x, y) }
            return (x * image.width / input.width, y * image.height / input.height)
        }
    }

    /// A predicted box in the ground truth's space, or the reason it cannot be graded.
    func convert(_ box: Box) throws(GradeFailure) -> Box {
        guard box.coordinates.allSatisfy(Self.isUsable) else { throw GradeFailure(.invalidNumber) }
        guard isInside(x: box.x1, y: box.y1), isInside(x: box.x2, y: box.y2) else { throw GradeFailure(.outsideImage) }
        guard !box.isDegenerate else { throw GradeFailure(.degenerateBox) }
        let (x1, y1) = convert(x: box.x1, y: box.y1)
        let (x2, y2) = convert(x: box.x2, y: box.y2)
        return Box(x1: x1, y1: y1, x2: x2, y2: y2, label: box.label)
    }

    private static func usable(_ size: AnswerOptions.Size) -> AnswerOptions.Size? {
        size.width > 0 && size.height > 0 && isUsable(size.width) && isUsable(size.height) ? size : nil
    }
}
