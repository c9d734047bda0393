/// Small text normalisations shared by the rule checkers.
public enum LatexText {
    /// Commands whose single braced argument is kept as plain text.
    static let unwrappedCommands = ["\\textbf", "\\text", "\\mathrm", "\\mathbf", "\\textrm", "\\mbox", "\\emph", "\\textit", "\\mathit"]

    /// Replaces `\text{X}` and similar wrappers by `X`, repeatedly, keeping nested braces intact.
    public static func unwrapTextCommands(_ input: String) -> String {
        // Most answers hold no backslash at all; searching them for commands is wasted work.
        guard input.utf8.contains(0x5C) else { return input }
        var text = input
        var changed = true
        while changed {
            changed = false
            for command in unwrappedCommands {
                while let range = text.firstRange(of: command + "{") {
                    guard let close = matchingBrace(in: text, openingAt: text.index(before: range.upperBound)) else {
                        break
                    }
                    let inner = text[range.upperBound..<close]
                    text.replaceSubrange(range.lowerBound...close, with: inner)
                    changed = true
                }
            }
        }
        return text
    }

    /// The index of the `}` that closes the `{` at `open`, or nil when it is never closed.
    public static func matchingBrace(in text: String, openingAt open: String.Index) -> String.Index? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == "{" {
                depth += 1
            } else if character == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Removes one layer of surrounding `$...$`, `$$...$$`, `\(...\)` or `\[...\]`.
    public static func stripMathDelimiters(_ input: String) -> String {
        var text = input
        for (open, close) in [("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")]
        where text.count >= open.count + close.count && text.hasPrefix(open) && text.hasSuffix(close) {
            text = String(text.dropFirst(open.count).dropLast(close.count))
            return text.trimmedWhitespace
        }
        return text
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    public var trimmedWhitespace: String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
