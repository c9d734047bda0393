/// Case-folded, whitespace- and `\text{}`-normalised equality.
public struct TextAnswerChecker: AnswerChecker {
    /// Creates the checker.
    public init() {}

    /// Correct when both sides normalise to the same non-empty text.
    public func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict {
        let reference = Self.normalise(groundTruth)
        guard !reference.isEmpty else { return .wrong(.emptyGroundTruth) }
        return Self.normalise(answer) == reference ? .correct : .wrong()
    }

    /// The comparison form: unwrapped, without math delimiters, folded, single-spaced, no final period.
    public static func normalise(_ text: String) -> String {
        var value = LatexText.unwrapTextCommands(text.trimmedWhitespace)
        value = LatexText.stripMathDelimiters(value)
        value = value.replacing("\\ ", with: " ").replacing("~", with: " ")
        if value.hasPrefix("{") && value.hasSuffix("}"),
            LatexText.matchingBrace(in: value, openingAt: value.startIndex) == value.index(before: value.endIndex)
        {
            value = String(value.dropFirst().dropLast())
        }
        let words = value.lowercased().split(whereSeparator: \.isWhitespace)
        var joined = words.joined(separator: " ")
        while let last = joined.last, last == "." || last == "!" { joined.removeLast() }
        return joined.trimmedWhitespace
    }
}
