/// Finds the final answer in free text that does not follow the SAIL layout.
public enum AnswerExtraction {
    /// Lenient extraction: the last `\boxed{}` (joined with boxes listed just before it), else the
    /// answer after "final answer is" / "the answer is" / "answer:", else the last `$...$`, `\(...\)`
    /// or `\[...\]`, else the whole text when it is a short formula, else the last number.
    /// Returns nil when nothing answer-like is found or the last `\boxed{` is never closed.
    public static func lenient(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let scan = BoxScanner(bytes)
        if scan.lastIsUnclosed { return nil }
        let boxed = scan.finalAnswer()
        // "The final answer is $X$" written after the last box restates the answer last.
        if let (answer, at) = Phrases.minerva(in: bytes), at >= (boxed?.end ?? 0) {
            return Suffix.percent(answer, bytes, from: at)
        }
        if let boxed { return Suffix.percent(boxed.text, bytes, from: boxed.end) }
        let rest = scan.textWithoutEmptyBoxes
        if let phrase = Phrases.answer(in: rest), !phrase.isEmpty { return phrase }
        let span = MathSpans.last(in: rest)
        let number = LastNumber.find(in: rest)
        if let span, number.map({ $0.end <= span.end }) ?? true {
            return Suffix.percent(span.text, rest, from: span.end)
        }
        if let whole = formula(rest) { return whole }
        return number.map { Suffix.percent($0.text, rest, from: $0.end) }
    }

    /// The text itself when it reads as a formula rather than prose: few words, no sentences.
    static func formula(_ bytes: [UInt8]) -> String? {
        var words = 0
        var i = 0
        var inWord = false
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x5C {  // a command name is not a word
                i += 1
                while i < bytes.count, Byte.isLetter(bytes[i]) { i += 1 }
                inWord = false
                continue
            }
            if Byte.isLetter(c) {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
                if c == 0x3F || c == 0x3A && i + 1 < bytes.count && bytes[i + 1] == 0x20 { return nil }
                if c == 0x2E, i + 1 < bytes.count, Byte.isSpace(bytes[i + 1]) { return nil }
            }
            i += 1
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmed
        guard words <= 3, !text.isEmpty, text.utf8.count <= Limits.maxInputBytes else { return nil }
        return text
    }
}
