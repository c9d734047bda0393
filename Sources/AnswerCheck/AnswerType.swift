/// Which rule checker compares an answer with its ground truth.
public enum AnswerType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Chosen from the ground truth's shape, per the spec's `auto` rule.
    case auto
    /// Mathematical equivalence.
    case math
    /// A single option letter.
    case choice
    /// Normalised text equality.
    case text
    /// Open-ended: the LLM answer judge decides.
    case judge
    /// One box `[x1, y1, x2, y2]`: intersection over union.
    case bbox
    /// Several labelled boxes: one-to-one matching (F1, mean IoU or AP at 0.5).
    case boxes
    /// A point inside a box, or within a radius of a point.
    case point
    /// A time span `[start, end]` in seconds: temporal IoU.
    case span
    /// A permutation: the share of positions (or adjacent pairs) right.
    case ordering
    /// An integer count, in digits or number words.
    case count
    /// Recognised text: one minus the normalised edit distance.
    case ocr
    /// A set of option letters.
    case multiChoice = "multi_choice"
    /// A program run in a sandbox against the ground truth's tests.
    case code

    /// Whether the type gives a graded score in [0, 1] (IoU, edit similarity) from ``MultimodalGrader``.
    public var isGraded: Bool {
        switch self {
        case .auto, .math, .choice, .text, .judge, .code: false
        case .bbox, .boxes, .point, .span, .ordering, .count, .ocr, .multiChoice: true
        }
    }

    /// The rule checker `auto` picks for a ground truth: math, choice or text.
    public static func detect(groundTruth: String) -> AnswerType {
        // Digits never stand in an option letter: the common numeric case needs no further look
        // (stripping the math delimiters never removes a digit, so it can wait).
        if groundTruth.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return .math }
        let trimmed = LatexText.stripMathDelimiters(groundTruth.trimmedWhitespace)
        let core = ChoiceAnswerChecker.strip(trimmed)
        if core.count <= 3, let letter = ChoiceAnswerChecker.optionLetter(in: core), letter.isUppercase,
            core.contains(letter)
        {
            return .choice
        }
        if trimmed.contains(where: \.isNumber) || trimmed.utf8.contains(0x5C) || isSingleLetterExpression(trimmed) {
            return .math
        }
        return .text
    }

    /// True for expressions in single-letter variables such as `x^2+1` or `a*b`, not for words.
    static func isSingleLetterExpression(_ text: String) -> Bool {
        let operators: Set<Character> = ["+", "-", "*", "/", "^", "=", "<", ">", "(", ")"]
        guard text.contains(where: { operators.contains($0) }) else { return false }
        var previousWasLetter = false
        for character in text {
            if character.isLetter {
                if previousWasLetter { return false }
                previousWasLetter = true
            } else {
                previousWasLetter = false
            }
        }
        return text.contains(where: \.isLetter)
    }
}
