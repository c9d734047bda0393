/// A single option letter in any dress: `B`, `(B)`, `B.`, `\text{B}`, `\textbf{(B)}`, `(B) 42`.
public struct ChoiceAnswerChecker: AnswerChecker {
    /// Creates the checker.
    public init() {}

    /// Correct when the answer names exactly one option and it is the ground truth's option.
    public func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict {
        guard let reference = Self.optionLetter(in: groundTruth) else {
            return groundTruth.trimmedWhitespace.isEmpty ? .wrong(.emptyGroundTruth) : .wrong(.unparseableGroundTruth)
        }
        if Self.namesSeveralOptions(answer) { return .wrong(.severalOptions) }
        guard let letter = Self.optionLetter(in: answer) else { return .wrong(.noOption) }
        return letter == reference ? .correct : .wrong()
    }

    /// The option letter a text names, upper-cased: a lone letter in dress, or a dressed letter
    /// followed by the option's text (`(B) 42`); nil otherwise.
    public static func optionLetter(in text: String) -> Character? {
        let core = Array(strip(text))
        var index = 0
        let opensWithBracket = index < core.count && (core[index] == "(" || core[index] == "[")
        if opensWithBracket { index += 1 }
        guard index < core.count, core[index].isASCII, core[index].isLetter else { return nil }
        let letter = core[index]
        index += 1
        var closed = false
        if index < core.count, core[index] == ")" || core[index] == "]" {
            closed = true
            index += 1
        }
        if opensWithBracket && !closed { return nil }
        if index < core.count, core[index] == "." || core[index] == ":" { index += 1 }
        if index == core.count { return Character(letter.uppercased()) }
        // A letter followed by the option's text must be a capital in dress, then a space.
        let dressed = closed || core[index - 1] == "." || core[index - 1] == ":"
        guard letter.isUppercase, dressed, core[index] == " " else { return nil }
        return letter
    }

    /// True when the text lists more than one option (`A, B`, `A or B`, `AB`, `(A) or (C)`).
    public static func namesSeveralOptions(_ text: String) -> Bool {
        let core = strip(text)
        let separators: Set<Character> = [",", "/", "&", ";", " ", "(", ")", "[", "]", ".", "|", "+"]
        let words = core.split(whereSeparator: { separators.contains($0) }).filter { $0 != "or" && $0 != "and" }
        if !words.isEmpty, words.allSatisfy({ $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isUppercase } }) {
            return Set(words.joined()).count >= 2
        }
        // `(B) 42 or (C) 17`: more than one letter in brackets.
        var bracketed: Set<Character> = []
        let characters = Array(core)
        for offset in characters.indices.dropFirst().dropLast()
        where characters[offset - 1] == "(" && characters[offset + 1] == ")" && characters[offset].isUppercase {
            bracketed.insert(characters[offset])
        }
        return bracketed.count >= 2
    }

    /// The answer without text wrappers, math delimiters, braces, lead-in words or trailing dots.
    static func strip(_ text: String) -> String {
        var value = LatexText.stripMathDelimiters(LatexText.unwrapTextCommands(text.trimmedWhitespace))
        value = String(value.filter { $0 != "{" && $0 != "}" && $0 != "*" }).trimmedWhitespace
        let lowered = value.lowercased()
        for leadIn in ["the answer is", "answer:", "answer", "option", "choice"] where lowered.hasPrefix(leadIn) {
            value = String(value.dropFirst(leadIn.count)).trimmedWhitespace
            break
        }
        while value.count > 1, let last = value.last, last == "." { value.removeLast() }
        return value
    }
}
