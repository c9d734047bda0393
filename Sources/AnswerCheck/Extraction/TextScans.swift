/// "The final answer is X", "Answer: X": the answer after the last such phrase.
enum Phrases {
    private static let phrases = [
        "final answer is", "final answer:", "the answer is", "answer is", "answer:", "answers are",
        "correct option is", "correct choice is", "####",
    ]
        .map(Needle.init)
    private static let markers = ["answer", "correct", "####"].map(Needle.init)

    /// Whether the text may hold an answer phrase: every phrase holds "answer", "correct" or "####",
    /// so three searches rule out most texts before the nine phrases are looked for.
    private static func mayHoldPhrase(_ bytes: [UInt8]) -> Bool {
        markers.contains { lastEnd(of: $0, in: bytes) != nil }
    }

    static func answer(in bytes: [UInt8]) -> String? {
        guard mayHoldPhrase(bytes) else { return nil }
        var best: Int?
        for phrase in phrases {
            if let end = lastEnd(of: phrase, in: bytes), end > (best ?? -1) { best = end }
        }
        guard let start = best else { return nil }
        var segment = Array(bytes[start..<sentenceEnd(bytes, from: start)])
        if let isAt = lastEnd(of: isWord, in: segment) {
            segment = Array(segment[isAt...])
        }
        if let span = MathSpans.lastAnswer(in: segment) { return Suffix.percent(span.text, segment, from: span.end) }
        var text = String(decoding: segment, as: UTF8.self).trimmed
        while let last = text.last, "*.,:;".contains(last) { text.removeLast() }
        while let first = text.first, "*:".contains(first) { text.removeFirst() }
        if let formula = AnswerExtraction.formula(Array(text.utf8)) { return LastNumber.proseNumber(formula) }
        return LastNumber.find(in: Array(text.utf8))?.text
    }

    private static let minervaPhrase = Needle("final answer is")
    private static let isWord = Needle(" is ")

    /// The last "final answer is $X$" (Minerva's layout): its content and where its span starts and ends.
    static func minerva(in bytes: [UInt8]) -> (text: String, start: Int, end: Int)? {
        guard var i = lastEnd(of: minervaPhrase, in: bytes) else { return nil }
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x24 || bytes[i] == 0x5C,
              let span = MathSpans.first(in: bytes, from: i), span.start == i else { return nil }
        return span
    }

    /// The end of the sentence: a newline, or a full stop followed by space or the end.
    private static func sentenceEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        var inMath = false
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x24 { inMath.toggle() }
            if !inMath, c == 0x0A { return i }
            if !inMath, c == 0x2E, i + 1 == bytes.count || Byte.isSpace(bytes[i + 1]) { return i }
            i += 1
        }
        return i
    }

    /// The index of the last occurrence of the lower-case `needle`, ignoring ASCII case.
    static func lastStart(of needle: Needle, in hay: [UInt8]) -> Int? {
        lastEnd(of: needle, in: hay).map { $0 - needle.bytes.count }
    }

    /// The index just past the last occurrence of the lower-case `needle`, ignoring ASCII case.
    static func lastEnd(of needle: Needle, in hay: [UInt8]) -> Int? {
        let (bytes, anchor) = (needle.bytes, needle.anchor)
        guard !bytes.isEmpty, bytes.count <= hay.count else { return nil }
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        return hay.withUnsafeBufferPointer { h in
            // Jump between occurrences of the anchor byte, a word at a time.
            var i = h.count - bytes.count + anchor
            while i >= anchor {
                guard let at = ByteSearch.previous(bytes[anchor], in: h, from: i), at >= anchor else { return nil }
                let begin = at - anchor
                // The anchor's neighbours first: a common anchor (`w` of every "we") rarely has both.
                if anchor > 0, lower(h[at - 1]) != bytes[anchor - 1] {
                    i = at - 1
                    continue
                }
                var k = 0
                while k < bytes.count, lower(h[begin + k]) == bytes[k] { k += 1 }
                if k == bytes.count { return begin + bytes.count }
                i = at - 1
            }
            return nil
        }
    }
}

/// A lower-case phrase to search for, with the index of its rarest byte in English and LaTeX prose
/// (`w` in "final answer is", not the `f` of every `f(x)`): the search jumps between those.
struct Needle {
    let bytes: [UInt8]
    let anchor: Int

    init(_ text: String) {
        let bytes = Array(text.utf8)
        // Any byte but a letter or a space first, then the letters by their rarity, a space last.
        let rarestFirst = Array("zqjxkvbpygwfmucldrhsnioate ".utf8)
        self.bytes = bytes
        anchor = bytes.indices.min { a, b in
            (rarestFirst.firstIndex(of: bytes[a]) ?? -1) < (rarestFirst.firstIndex(of: bytes[b]) ?? -1)
        } ?? 0
    }
}

/// Inline and display mathematics: `$...$`, `$$...$$`, `\(...\)`, `\[...\]`.
enum MathSpans {
    /// The content of the last non-empty span and the index after its closing delimiter.
    static func last(in bytes: [UInt8]) -> (text: String, end: Int)? {
        var found: (text: String, end: Int)?
        scan(bytes, from: 0) { span in
            found = (span.text, span.end)
            return true
        }
        return found
    }

    /// The first non-empty span at or after `from`.
    static func first(in bytes: [UInt8], from: Int) -> (text: String, start: Int, end: Int)? {
        var found: (text: String, start: Int, end: Int)?
        scan(bytes, from: from) { span in
            found = span
            return false
        }
        return found
    }

    /// Calls `visit` for each non-empty span in order while it returns true.
    private static func scan(
        _ bytes: [UInt8], from: Int, _ visit: ((text: String, start: Int, end: Int)) -> Bool
    ) {
        var i = from
        while i < bytes.count {
            // Every delimiter starts with a backslash or `$`: skip to the next one a word at a time.
            i = bytes.withUnsafeBufferPointer { ByteSearch.nextBackslashOrDollar(in: $0, from: i) }
            guard i < bytes.count else { return }
            let c = bytes[i]
            var close: [UInt8]?
            var open = 0
            if c == 0x5C, i + 1 < bytes.count {
                if bytes[i + 1] == 0x28 { close = closeParenthesis }
                if bytes[i + 1] == 0x5B { close = closeBracket }
                if close == nil {
                    i += 2  // an escaped `\$` is currency, not a delimiter
                    continue
                }
                open = 2
            } else if c == 0x24 {
                let double = i + 1 < bytes.count && bytes[i + 1] == 0x24
                close = double ? doubleDollar : dollar
                open = double ? 2 : 1
            }
            guard let close else {
                i += 1
                continue
            }
            guard let end = find(close, in: bytes, from: i + open) else { return }
            let text = String(decoding: bytes[(i + open)..<end], as: UTF8.self).trimmed
            if !text.isEmpty, !visit((text, i, end + close.count)) { return }
            i = end + close.count
        }
    }

    // The closing delimiters, made once: an array literal in the loop would be allocated per span.
    private static let closeParenthesis: [UInt8] = [0x5C, 0x29]
    private static let closeBracket: [UInt8] = [0x5C, 0x5D]
    private static let doubleDollar: [UInt8] = [0x24, 0x24]
    private static let dollar: [UInt8] = [0x24]

    /// The first closing delimiter at or after `start`; a `$` escaped by a backslash does not close.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            // Only a backslash or a `$` can start a closing delimiter or escape one.
            i = bytes.withUnsafeBufferPointer { ByteSearch.nextBackslashOrDollar(in: $0, from: i) }
            guard i + needle.count <= bytes.count else { return nil }
            if bytes[i] == 0x5C, needle[0] == 0x24 {
                i += 2
                continue
            }
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// The last number in prose, with its sign, thousands groups and decimal part.
enum LastNumber {
    static func find(in bytes: [UInt8]) -> (text: String, end: Int)? {
        var last: (start: Int, end: Int, negative: Bool)?
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            let startsNumber = Byte.isDigit(c) || c == 0x2E && i + 1 < bytes.count && Byte.isDigit(bytes[i + 1])
            guard startsNumber, i == 0 || !Byte.isLetter(bytes[i - 1]) && !Byte.isDigit(bytes[i - 1]) else {
                i += 1
                continue
            }
            var j = i
            while j < bytes.count {
                let d = bytes[j]
                let joiner = d == 0x2C || d == 0x2E || d == 0x2F
                guard Byte.isDigit(d) || joiner && j + 1 < bytes.count && Byte.isDigit(bytes[j + 1]) else { break }
                j += 1
            }
            last = (i, j, i > 0 && bytes[i - 1] == 0x2D)
            i = j
        }
        guard let last else { return nil }
        let digits = String(decoding: bytes[last.start..<last.end], as: UTF8.self)
        return (decimalComma((last.negative ? "-" : "") + digits), last.end)
    }

    /// `... the point is (1, 2).`: a tuple or interval of numbers that ends the prose is its answer,
    /// where the last number would be only its last coordinate.
    static func trailingTuple(in bytes: [UInt8]) -> String? {
        var end = bytes.count
        while end > 0, Byte.isSpace(bytes[end - 1]) || bytes[end - 1] == 0x2E || bytes[end - 1] == 0x24 { end -= 1 }
        guard end >= 5, bytes[end - 1] == 0x29 || bytes[end - 1] == 0x5D else { return nil }
        var i = end - 2
        var commas = 0
        while i >= 0, end - i <= 200 {
            let c = bytes[i]
            if c == 0x28 || c == 0x5B { break }
            guard Byte.isDigit(c) || c == 0x20 || c == 0x2C || c == 0x2D || c == 0x2E || c == 0x2F else { return nil }
            if c == 0x2C { commas += 1 }
            i -= 1
        }
        guard i >= 0, commas >= 1, bytes[i] == 0x28 || bytes[i] == 0x5B else { return nil }
        // `(1,000)` is a number in parentheses: every comma there groups thousands.
        let separates = (i..<end).contains { k in
            bytes[k] == 0x2C && !(k + 4 < end && bytes[(k + 1)...(k + 3)].allSatisfy(Byte.isDigit) && !Byte.isDigit(bytes[k + 4]))
        }
        return separates ? String(decoding: bytes[i..<end], as: UTF8.self) : nil
    }

    /// A sentence's answer that is one bare number (`the answer is 3,75.`) is prose, not
    /// mathematics: its comma is a decimal comma as in ``find(in:)``. Anything else is kept.
    static func proseNumber(_ s: String) -> String {
        let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        guard body.utf8.count <= 40, body.utf8.contains(0x2C), let first = body.utf8.first, Byte.isDigit(first),
              body.utf8.allSatisfy({ Byte.isDigit($0) || $0 == 0x2C || $0 == 0x2E }) else { return s }
        return decimalComma(s)
    }

    /// `2,74` in prose is a decimal comma; `7,425,000` keeps its thousands groups.
    private static func decimalComma(_ s: String) -> String {
        // Bytes, not Characters: the text is digits, commas, points, a slash or a sign.
        guard s.utf8.contains(0x2C) else { return s }
        let bytes = Array(s.utf8)
        guard let comma = bytes.firstIndex(of: 0x2C) else { return s }
        let fraction = bytes[(comma + 1)...]
        guard !fraction.contains(0x2C), !fraction.contains(0x2E), fraction.count != 3 else { return s }
        return String(decoding: bytes[..<comma], as: UTF8.self) + "." + String(decoding: fraction, as: UTF8.self)
    }
}

/// Carries a percent sign written just outside the extracted part (`$28$ %`, `\\boxed{28} pct`).
enum Suffix {
    private static let marks = ["\\%", "%", "percent", "pct"].map { Array($0.utf8) }

    static func percent(_ answer: String, _ bytes: [UInt8], from end: Int) -> String {
        let last = answer.utf8.withContiguousStorageIfAvailable { $0.last } ?? answer.utf8.last
        guard last != 0x25 else { return answer }  // `%`
        var i = end
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x24 { i += 1 }
        for mark in marks where i + mark.count <= bytes.count && bytes[i..<(i + mark.count)].elementsEqual(mark) {
            return answer + "\\%"
        }
        return answer
    }
}
