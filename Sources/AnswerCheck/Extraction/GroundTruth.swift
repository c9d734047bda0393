extension AnswerExtraction {
    /// The answer inside a ground truth that is not a bare answer, for the ground truth only (a
    /// response keeps its own rules: several differing boxes are a hedge, an unclosed box is none):
    ///
    /// - a box with text or a relation around it (`The final answer is \[ \boxed{5} \].`,
    ///   `y \in \boxed{[1,2]}`) is its content; several boxes listed together (`\boxed{3}\boxed{5}`,
    ///   `\boxed{3} and \boxed{5}`) are the list `3, 5`; a `%` or "percent" right after the box
    ///   is kept (`\boxed{20} percent` is `20\%`);
    /// - one `$...$`, `$$...$$`, `\(...\)` or `\[...\]` span with punctuation after it (`$\frac12$.`)
    ///   is its content;
    /// - a stray backslash at the end (`\frac{1}{2}\`) is dropped.
    ///
    /// A last box that is never closed holds the rest of the text (`\boxed{x = 1` is `x = 1`): a
    /// ground truth is trusted data, so a lost `}` is a typo, not a hedge. A worked solution without
    /// a box is the answer after its last answer phrase (``markedAnswer(_:)``). Anything else is
    /// returned trimmed, unchanged; a ground truth whose boxes are all empty, too.
    public static func groundTruth(_ text: String) -> String {
        var gold = text.trimmed
        // Boxes, math spans and a stray backslash all need `\` or `$`: a plain gold (`126`) is already its answer.
        guard gold.utf8.contains(where: { $0 == 0x5C || $0 == 0x24 }) else { return markedAnswer(gold) ?? gold }
        // `\frac{1}{2}\`: a lone backslash at the end (`\\`, a row break, is kept).
        if gold.utf8.last == 0x5C, !gold.hasSuffix("\\\\") {
            gold = String(gold.dropLast()).trimmed
        }
        let bytes = Array(gold.utf8)
        guard bytes.count <= Limits.maxInputBytes else { return gold }
        let scan = BoxScanner(bytes)
        if let last = scan.boxes.last {
            // Trusted data, not a response: a last box never closed runs to the end of the text.
            if scan.lastIsUnclosed {
                let rest = String(decoding: bytes[last.contentStart...], as: UTF8.self).trimmed
                return rest.isEmpty ? gold : rest
            }
            guard let boxed = scan.finalAnswer() else { return gold }
            return Suffix.percent(boxed.text, bytes, from: boxed.end)
        }
        // `$x$.`: one math span, then only punctuation; only a text that opens with a delimiter is one.
        if bytes.first == 0x24 || bytes.count >= 2 && bytes[0] == 0x5C && (bytes[1] == 0x28 || bytes[1] == 0x5B) {
            var end = bytes.count
            while end > 0, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x20, 0x0A, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
            let core = Array(bytes[..<end])
            if let span = MathSpans.first(in: core, from: 0), span.start == 0, span.end == core.count {
                return span.text
            }
        }
        return markedAnswer(gold) ?? gold
    }

    /// The answer a worked solution without a box marks as its own: Minerva's "Final Answer: The final
    /// answer is $28\%$", GSM8K's "#### 72", "The answer is 5." Nil when no marker is there, so an
    /// unmarked solution (or a text answer with a number in it) is never cut down to a guess.
    static func markedAnswer(_ text: String) -> String? {
        // Every phrase has a `w` ("answer"), a `c` ("correct") or a `#`, and more bytes than a short answer.
        guard text.utf8.count >= 5, text.utf8.contains(where: { $0 | 0x20 == 0x77 || $0 | 0x20 == 0x63 || $0 == 0x23 }) else {
            return nil
        }
        let bytes = Array(text.utf8)
        if let minerva = Phrases.minerva(in: bytes) { return minerva.text }
        guard let answer = Phrases.answer(in: bytes), !answer.isEmpty else { return nil }
        return answer
    }
}
