/// The knobs of the graded answer types: a rollout's `answer_options`, `image_size` and `input_size`.
public struct AnswerOptions: Sendable, Hashable {
    /// How box and point coordinates are expressed.
    public enum Coordinates: String, Sendable, Hashable, CaseIterable {
        /// Pixels of the image (or of the model's input, with `input_size`).
        case pixel
        /// Qwen2-VL style: 0 to 1000 on both axes.
        case norm1000
        /// 0 to 1 on both axes.
        case norm1
    }

    /// How `boxes` turns matches into a score.
    public enum BoxesMode: String, Sendable, Hashable, CaseIterable {
        /// F1 of the one-to-one matches.
        case f1
        /// Sum of matched IoU over max(#ground truth, #predicted).
        case meanIoU = "mean_iou"
        /// AP at IoU 0.5 times min(1, #ground truth / #predicted).
        case map50
    }

    /// Partial credit for `ordering`.
    public enum OrderingCredit: String, Sendable, Hashable, CaseIterable {
        /// Share of positions holding the right item.
        case positions
        /// Share of the ground truth's adjacent pairs kept in order.
        case adjacency
        /// 1 only for the exact permutation.
        case exact
    }

    /// Partial credit for `multi_choice`.
    public enum SetCredit: String, Sendable, Hashable, CaseIterable {
        /// 1 only for exactly the right set.
        case exact
        /// F1 between the predicted and the right set.
        case f1
    }

    /// Credit for `code`.
    public enum CodeCredit: String, Sendable, Hashable, CaseIterable {
        /// 1 only when every test passes.
        case exact
        /// The share of tests that pass.
        case share
    }

    /// The unit `ocr` measures edit distance in.
    public enum TextMetric: String, Sendable, Hashable, CaseIterable {
        /// Characters.
        case cer
        /// Words.
        case wer
    }

    /// A width and a height in pixels.
    public struct Size: Sendable, Hashable {
        /// Width in pixels.
        public var width: Double
        /// Height in pixels.
        public var height: Double

        /// Creates a size.
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// `bbox`, `span`: an IoU at or above this scores 1, below 0; nil keeps the IoU. `boxes`: the matching IoU (0.5 when nil).
    public var iouThreshold: Double?
    /// How the prediction's coordinates are expressed.
    public var coordinates: Coordinates = .pixel
    /// The original image's size; predictions are rescaled to it and checked against its bounds.
    public var imageSize: Size?
    /// The size of the image the model saw, when it differs from `imageSize` (Qwen2.5-VL resizing).
    public var inputSize: Size?
    /// How `boxes` scores its matches.
    public var boxesMode: BoxesMode = .f1
    /// `point`: the radius around a ground-truth point that counts as inside; wins over the ground truth's own.
    public var radius: Double?
    /// Partial credit for `ordering`.
    public var orderingCredit: OrderingCredit = .positions
    /// Partial credit for `multi_choice`.
    public var setCredit: SetCredit = .exact
    /// Credit for `code`.
    public var codeCredit: CodeCredit = .exact
    /// The unit of `ocr`'s edit distance.
    public var textMetric: TextMetric = .cer
    /// `ocr`: whether case counts.
    public var caseSensitive = false
    /// `ocr`: whether runs of whitespace count as one space and ends are trimmed.
    public var collapseWhitespace = true
    /// `ocr`: a similarity at or above this scores 1, below 0; nil keeps the similarity.
    public var threshold: Double?

    /// Creates the default options.
    public init() {}
}
