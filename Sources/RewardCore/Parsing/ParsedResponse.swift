/// A response split into its SAIL-RL blocks, with every format failure found.
public struct ParsedResponse: Sendable, Equatable {
    /// The decision the judge block names.
    public var decision: Decision = .unknown
    /// The judge block's raw content.
    public var decisionText: String = ""
    /// The think block's raw content.
    public var reasoning: String = ""
    /// Everything after `</think>` (the whole text when the response uses no tags at all).
    public var answerSection: String = ""
    /// The contents of the complete `\boxed{}` in the answer section, in order.
    public var boxes: [String] = []
    /// Whether the last `\boxed{` in the answer section is never closed.
    public var lastBoxUnclosed = false
    /// Every format failure, most fundamental first; empty when the format is right.
    public var formatReasons: [FormatReason] = []

    /// Creates an empty parse; the parser fills it in.
    public init() {}

    /// Whether the format reward is 1.
    public var formatPassed: Bool { formatReasons.isEmpty }

    /// The final answer: the last complete box, or nil when the last box is unclosed or there is none.
    public var finalAnswer: String? { lastBoxUnclosed ? nil : boxes.last }

    /// Whether the think block holds anything but whitespace.
    public var hasReasoning: Bool {
        for byte in reasoning.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x80...: return reasoning.contains { !$0.isWhitespace }  // Unicode spaces need Character rules.
            default: return true
            }
        }
        return false
    }
}
