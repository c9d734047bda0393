/// Finds the program in a `code` answer: the last fenced block of the answer text.
public enum CodeExtraction {
    /// The content of the last complete fenced block (three or more backticks) whose info string is empty
    /// or names `language` (`python`, `py`, `python3`); blocks in other languages (`text`, `bash`) are
    /// not the program. Nil when there is none.
    public static func lastFencedBlock(in text: String, language: CodeLanguage = .python) -> String? {
        var found: String?
        var open: (fence: Int, accepted: Bool, start: Int)?
        var lines: [Substring] = []
        // "\r\n" is one Character: a line ends at either.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let ticks = trimmed.prefix { $0 == "`" }.count
            if let current = open {
                lines.append(line)
                let rest = trimmed.dropFirst(ticks)
                if ticks >= current.fence, rest.allSatisfy(\.isWhitespace) {
                    if current.accepted {
                        found = lines[current.start..<(lines.count - 1)].joined(separator: "\n")
                    }
                    open = nil
                }
            } else if ticks >= 3 {
                let info = trimmed.dropFirst(ticks)
                // A backtick after the fence makes it inline code (```x```), not a block.
                guard !info.contains("`") else { continue }
                let word = info.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
                lines.append(line)
                open = (ticks, word.isEmpty || names(language).contains(word), lines.count)
            }
        }
        return found
    }

    /// The info-string words that name a language.
    static func names(_ language: CodeLanguage) -> Set<String> {
        switch language {
        case .python: ["python", "py", "python3", "py3"]
        }
    }
}
