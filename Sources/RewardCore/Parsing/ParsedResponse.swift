import AnswerCheck

/// A response split into its layout's blocks, with every format failure found.
public struct ParsedResponse: Sendable, Equatable {
    /// The decision the judge block names; without a decision block (not SAIL), think when the
    /// response reasons and direct when it does not.
    public var decision: Decision = .unknown
    /// Whether the layout has a decision block (SAIL's `<judge>`).
    public var hasDecisionBlock = false
    /// The judge block's raw content.
    public var decisionText: String = ""
    /// The think block's raw content.
    public var reasoning: String = ""
    /// Where the answer stands: after `</think>` in SAIL and `boxed` (the whole text without tags),
    /// the `<answer>` block's content in `r1` and `glm`.
    public var answerSection: String = ""
    /// The final-answer candidates, in order: the complete `\boxed{}` contents of the answer section;
    /// in `r1` each `<answer>` block (or the boxes inside it), in `glm` each `<|begin_of_box|>` content.
    public var boxes: [String] = []
    /// Whether the last `\boxed{` in the answer section is never closed.
    public var lastBoxUnclosed = false
    /// Why there is no answer at all in an answer-block layout (missing, unclosed or empty block).
    public var answerProblem: AnswerReason?
    /// Every format failure, most fundamental first; empty when the format is right.
    public var formatReasons: [FormatReason] = []

    /// Creates an empty parse; the parser fills it in.
    public init() {}

    /// Whether the format reward is 1.
    public var formatPassed: Bool { formatReasons.isEmpty }

    /// The final answer: the last complete box, or nil when the last box is unclosed or there is none.
    public var finalAnswer: String? { lastBoxUnclosed ? nil : boxes.last }

    /// Whether the think block holds anything but whitespace.
    public var hasReasoning: Bool { Self.holdsText(reasoning) }

    /// Whether `text` holds anything but whitespace, by bytes until a non-ASCII byte needs Character rules.
    static func holdsText(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x80...: return text.contains { !$0.isWhitespace }  // Unicode spaces need Character rules.
            default: return true
            }
        }
        return false
    }
}
