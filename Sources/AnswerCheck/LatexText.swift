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

    private static let mathDelimiters = [("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]")]

    /// Removes one layer of surrounding `$...$`, `$$...$$`, `\(...\)` or `\[...\]`.
    public static func stripMathDelimiters(_ input: String) -> String {
        var text = input
        // `count` walks every Character, so it is asked only of text the delimiters already match.
        for (open, close) in mathDelimiters
        where text.hasPrefix(open) && text.hasSuffix(close) && text.count >= open.count + close.count {
            text = String(text.dropFirst(open.count).dropLast(close.count))
            return text.trimmedWhitespace
        }
        return text
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    @inlinable
    public var trimmedWhitespace: String {
        // ASCII text (answers, ground truths) trims by bytes: in ASCII only CR LF joins into one
        // Character, and both are whitespace, so bytes and Characters agree.
        var first: Index?
        var afterLast = startIndex
        var ascii = true
        var position = utf8.startIndex
        while position < utf8.endIndex {
            let byte = utf8[position]
            let next = utf8.index(after: position)
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte != 0x20, byte < 0x09 || byte > 0x0D {
                if first == nil { first = position }
                afterLast = next
            }
            position = next
        }
        if ascii { return first.map { String(self[$0..<afterLast]) } ?? "" }
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
