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
        if let normalised = asciiNormalised(text) { return normalised }
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

    /// `normalise` by bytes for ASCII text, the usual decision, where it is a few bytes and the
    /// Character rules above cost more than the rest of a score; nil when the text is not ASCII.
    private static func asciiNormalised(_ text: some StringProtocol) -> String? {
        var words: [UInt8] = []
        words.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !words.isEmpty
                continue
            }
            if pendingSpace { words.append(0x20) }
            pendingSpace = false
            words.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        // Edge punctuation and the whitespace around it go from both ends, as in `normalise`.
        var start = 0
        var end = words.count
        while start < end, words[start] == 0x20 || asciiEdges.contains(words[start]) { start += 1 }
        while end > start, words[end - 1] == 0x20 || asciiEdges.contains(words[end - 1]) { end -= 1 }
        return String(decoding: words[start..<end], as: UTF8.self)
    }

    /// The ASCII members of `edges`.
    private static let asciiEdges: Set<UInt8> = Set(edges.compactMap { $0.asciiValue })
}
