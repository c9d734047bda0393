#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the final answer in free text that does not follow the SAIL layout.
public enum AnswerExtraction {
    /// Lenient extraction: the last `\boxed{}` (joined with boxes listed just before it), else the
    /// answer after "final answer is" / "the answer is" / "answer:", else the last `$...$`, `\(...\)`
    /// or `\[...\]`, else the whole text when it is a short formula, else the last number.
    /// Returns nil when nothing answer-like is found or the last `\boxed{` is never closed.
    public static func lenient(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        // A closed `<answer>...</answer>` block holds the answer: look only inside the last one. Most
        // texts have no `<` at all, which `memchr` (vectorised) tells before any phrase search.
        if bytes.withUnsafeBufferPointer({ b in b.baseAddress.map { memchr($0, 0x3C, b.count) != nil } ?? false }),
           let close = Phrases.lastStart(of: answerClose, in: bytes),
           let open = Phrases.lastEnd(of: answerOpen, in: Array(bytes[..<close])) {
            bytes = Array(bytes[open..<close])
        }
        let scan = BoxScanner(bytes)
        if scan.lastIsUnclosed { return nil }
        let boxed = scan.finalAnswer()
        // "The final answer is $X$" written after the last box restates the answer last; one whose span
        // holds that box (`final answer is $\boxed{5}$`) is the box. Only the text after the box can
        // hold a later one (a phrase cannot straddle the box's `}`), so only that is searched.
        let after = boxed?.end ?? 0
        if let minerva = Phrases.minerva(in: after == 0 ? bytes : Array(bytes[after...])) {
            return Suffix.percent(minerva.text, bytes, from: after + minerva.end)
        }
        if let boxed { return Suffix.percent(boxed.text, bytes, from: boxed.end) }
        let rest = scan.textWithoutEmptyBoxes
        if let phrase = Phrases.answer(in: rest), !phrase.isEmpty { return phrase }
        let span = MathSpans.lastAnswer(in: rest)
        let number = LastNumber.find(in: rest)
        if let span, number.map({ $0.end <= span.end }) ?? true {
            return Suffix.percent(span.text, rest, from: span.end)
        }
        if let whole = formula(rest) { return whole }
        if let tuple = LastNumber.trailingTuple(in: rest) { return tuple }
        return number.map { Suffix.percent($0.text, rest, from: $0.end) }
    }

    private static let answerOpen = Needle("<answer>")
    private static let environments = [Array("begin".utf8), Array("end".utf8)]
    private static let answerClose = Needle("</answer>")

    /// The text itself when it reads as a formula rather than prose: few words, no sentences.
    static func formula(_ bytes: [UInt8]) -> String? {
        var words = 0
        var depth = 0
        // A sentence ("The probability is 0.75.") leaves its answer to the last-number rule; one
        // without a number ("the empty set") has only itself to offer.
        var linking = false
        var digits = false
        var i = 0
        var inWord = false
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x5C {  // a command name is not a word, nor an environment's name (`\begin{pmatrix}`)
                i += 1
                let name = i
                while i < bytes.count, Byte.isLetter(bytes[i]) { i += 1 }
                if i < bytes.count, bytes[i] == 0x7B, environments.contains(where: { bytes[name..<i].elementsEqual($0) }) {
                    while i < bytes.count, Byte.isLetter(bytes[i]) || bytes[i] == 0x7B || bytes[i] == 0x2A { i += 1 }
                }
                inWord = false
                continue
            }
            if Byte.isLetter(c) {
                if !inWord, isWord(bytes, at: i) {
                    words += 1
                    if depth == 0, Prose.isLinkingWord(bytes, at: i) { linking = true }
                }
                inWord = true
            } else {
                if c == 0x7B { depth += 1 }
                if c == 0x7D { depth -= 1 }
                if c >= 0xE3, c <= 0xED { linking = true }  // CJK and Hangul: a sentence, not a formula
                if Byte.isDigit(c) { digits = true }
                inWord = false
                // `Answer: 5` and `Soucis : 2,74` are labels; a number, a space and a colon start a ratio (`3 : 4`).
                if c == 0x3F || c == 0x3A && depth == 0 && i + 1 < bytes.count && bytes[i + 1] == 0x20
                    && !(words == 0 && i >= 2 && bytes[i - 1] == 0x20 && Byte.isDigit(bytes[i - 2])) { return nil }
                if c == 0x2E, i + 1 < bytes.count, Byte.isSpace(bytes[i + 1]) { return nil }
            }
            i += 1
        }
        if linking, digits { return nil }
        // "There are 1,000 ways.": a full stop right after a word ends a sentence.
        var last = bytes.count
        while last > 0, Byte.isSpace(bytes[last - 1]) { last -= 1 }
        if last >= 2, bytes[last - 1] == 0x2E, Byte.isLetter(bytes[last - 2]) { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmed
        guard words <= 3, !text.isEmpty, text.utf8.count <= Limits.maxInputBytes else { return nil }
        // `**2**`: Markdown bold around the answer.
        if text.utf8.count > 4, text.hasPrefix("**"), text.hasSuffix("**") {
            let inner = String(text.dropFirst(2).dropLast(2)).trimmed
            return inner.isEmpty ? nil : inner
        }
        return text
    }

    /// Whether the letters starting at `start` are a word of prose. A lone letter next to
    /// mathematics (`x=3,y=1`, `(a-b)(a+b)`, `a_i b_i`) is a variable; one between words (`I think`) is a word.
    private static func isWord(_ bytes: [UInt8], at start: Int) -> Bool {
        var end = start
        while end < bytes.count, Byte.isLetter(bytes[end]) { end += 1 }
        guard end - start == 1 else { return true }
        func isMath(_ c: UInt8) -> Bool { !Byte.isLetter(c) && !Byte.isSpace(c) && !".,?!:;".utf8.contains(c) }
        var before = start - 1
        while before >= 0, Byte.isSpace(bytes[before]) { before -= 1 }
        var after = end
        while after < bytes.count, Byte.isSpace(bytes[after]) { after += 1 }
        if before >= 0, isMath(bytes[before]) { return false }
        if after < bytes.count, isMath(bytes[after]) { return false }
        return true
    }
}

/// The words that make a short text a sentence: "The probability is 0.75", "Thus, x = 5".
enum Prose {
    private static let linkingWords = ["is", "are", "was", "the", "thus", "so", "hence", "therefore", "we", "get"]
        .map { Array($0.utf8) }

    /// Whether the word starting at `start` (outside any `{...}`) is one that only prose uses.
    static func isLinkingWord(_ bytes: [UInt8], at start: Int) -> Bool {
        var end = start
        while end < bytes.count, Byte.isLetter(bytes[end]) { end += 1 }
        guard end - start >= 2, end - start <= 9 else { return false }
        return linkingWords.contains { word in
            word.count == end - start && zip(word, bytes[start..<end]).allSatisfy { $0 == $1 | 0x20 }
        }
    }
}

