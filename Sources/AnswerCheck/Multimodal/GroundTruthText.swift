/// Helpers for ground-truth text, which may arrive as JSON text of a string (`"[1,2,3,4]"`).
enum GroundTruthText {
    /// The text without one pair of enclosing double quotes, with `\"` and `\\` unescaped.
    static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmedWhitespace
        guard trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" else { return trimmed }
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
