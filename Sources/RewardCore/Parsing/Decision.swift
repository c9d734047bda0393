/// The mode a response's `<judge>` block names.
public enum Decision: String, Sendable, Hashable, Codable {
    /// The policy chose to reason before answering.
    case think
    /// The policy chose to answer directly.
    case direct
    /// The judge block named neither mode.
    case unknown
}

/// The words that name each decision, compared after trimming, unquoting and case-folding.
public struct DecisionVocabulary: Sendable, Hashable {
    /// Words meaning "think".
    public var think: Set<String>
    /// Words meaning "answer directly".
    public var direct: Set<String>

    /// The spec's default vocabularies.
    public static let standard = DecisionVocabulary(
        think: ["think", "thinking", "reason", "reasoning", "complex", "yes"],
        direct: ["direct", "directly", "answer directly", "simple", "no", "no thinking"]
    )

    /// Creates vocabularies; words are normalised the same way decisions are.
    public init(think: some Sequence<String>, direct: some Sequence<String>) {
        self.think = Set(think.map(Self.normalise))
        self.direct = Set(direct.map(Self.normalise))
    }

    /// The decision a judge block's text names.
    public func decision(for text: some StringProtocol) -> Decision {
        let key = Self.normalise(text)
        if think.contains(key) { return .think }
        if direct.contains(key) { return .direct }
        return .unknown
    }

    /// Trims whitespace, surrounding punctuation and quotes, folds case and single-spaces words.
    /// Punctuation and quotes trimmed from both ends of a decision.
    private static let edges: Set<Character> = [".", ",", ";", ":", "!", "?", "\"", "'", "`", "*", "“", "”", "‘", "’", "(", ")", "[", "]", "-", "_"]

    static func normalise(_ text: some StringProtocol) -> String {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start].isWhitespace || edges.contains(text[start]) { start = text.index(after: start) }
        while end > start {
            let last = text[text.index(before: end)]
            guard last.isWhitespace || edges.contains(last) else { break }
            end = text.index(before: end)
        }
        return text[start..<end].lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
