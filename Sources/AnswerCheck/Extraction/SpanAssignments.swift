/// Answers given as one assignment per math span: `$x=2$ and $y=3$` is the pair `x=2, y=3`.
extension MathSpans {
    /// The last span, joined with the spans just before it when each assigns a value to a
    /// different one-letter variable and only commas, spaces or "and" lie between them.
    static func lastAnswer(in bytes: [UInt8]) -> (text: String, end: Int)? {
        guard let last = last(in: bytes) else { return nil }
        // The usual last span assigns nothing: one byte test settles it.
        guard let letter = assignedLetter(last.text) else { return last }
        var spans: [(text: String, start: Int, end: Int)] = []
        var from = 0
        while let span = first(in: bytes, from: from) {
            spans.append(span)
            from = span.end
            if spans.count > 64 { return last }
        }
        // The last span found is `last`; the ones before it may join it.
        guard var start = spans.popLast()?.start else { return last }
        var letters = [letter]
        var parts = [last.text]
        for span in spans.reversed() {
            guard parts.count < 4, let l = assignedLetter(span.text), !letters.contains(l),
                  onlyJoins(bytes[span.end..<start]) else { break }
            letters.append(l)
            parts.append(span.text)
            start = span.start
        }
        guard parts.count >= 2 else { return last }
        return (parts.reversed().joined(separator: ", "), last.end)
    }

    /// The variable of `x = ...`, when the text is one assignment to a lone letter.
    private static func assignedLetter(_ text: String) -> UInt8? {
        var bytes = text.utf8.makeIterator()
        guard let letter = bytes.next(), Byte.isLetter(letter), var mark = bytes.next() else { return nil }
        if mark == 0x20, let next = bytes.next() { mark = next }
        guard mark == 0x3D else { return nil }
        var value = false
        while let c = bytes.next() {
            if c == 0x3D { return nil }
            value = true
        }
        return value ? letter : nil
    }

    /// Whether the text between two spans only joins them: spaces, commas and "and".
    private static func onlyJoins(_ gap: ArraySlice<UInt8>) -> Bool {
        let words = gap.split { $0 == 0x20 || $0 == 0x2C || $0 == 0x0A }
        return words.allSatisfy { $0.elementsEqual("and".utf8) }
    }
}
