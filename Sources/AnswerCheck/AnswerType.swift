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

    /// The rule checker `auto` picks for a ground truth: math, choice or text.
    public static func detect(groundTruth: String) -> AnswerType {
        let trimmed = LatexText.stripMathDelimiters(groundTruth.trimmedWhitespace)
        // Digits never stand in an option letter: the common numeric case needs no further look.
        if trimmed.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return .math }
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
