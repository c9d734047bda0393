/// Text that may arrive as the JSON text of a string (`"[1,2,3,4]"`, `"7"`): a ground truth, or an answer.
enum QuotedText {
    /// The text without one pair of enclosing double quotes, with `\"` and `\\` unescaped; unchanged
    /// unless the whole text is one string (`"a": "b"` is two strings, not one).
    static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmedWhitespace
        guard trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" else { return trimmed }
        let inner = trimmed.dropFirst().dropLast()
        let unescapedQuote = zip(inner, inner.dropFirst()).contains { $0 != "\\" && $1 == "\"" } || inner.first == "\""
        guard !unescapedQuote else { return trimmed }
        var result = ""
        var escaped = false
        for character in trimmed.dropFirst().dropLast() {
            if escaped || character != "\\" {
                result.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }
}
