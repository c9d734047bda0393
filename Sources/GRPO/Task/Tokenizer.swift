/// Character tokens plus single tokens for the SAIL-RL tags and `\boxed{`.
public struct Tokenizer: Sendable {
    /// Padding; never attended to and never a target.
    public static let pad = 0
    /// Start of every sequence.
    public static let bos = 1
    /// End of a response.
    public static let eos = 2

    private static let specials = ["<pad>", "<bos>", "<eos>", "<judge>", "</judge>", "<think>", "</think>", "\\boxed{"]
    private static let characters = Array("0123456789+-*=;}\ndirecthnk")

    /// Text of each token id.
    public let pieces: [String]
    private let byPiece: [String: Int]

    /// The fixed vocabulary.
    public init() {
        pieces = Tokenizer.specials + Tokenizer.characters.map { String($0) }
        var map: [String: Int] = [:]
        for (i, p) in pieces.enumerated() { map[p] = i }
        byPiece = map
    }

    /// Vocabulary size.
    public var vocabSize: Int { pieces.count }

    /// Id of a single piece (a tag or a character).
    public func id(_ piece: String) -> Int? { byPiece[piece] }

    /// Tokens of `text`, longest tags first; throws on a character outside the vocabulary.
    public func encode(_ text: String) throws(TrainerError) -> [Int] {
        var out: [Int] = []
        var rest = Substring(text)
        outer: while let first = rest.first {
            if first == "<" || first == "\\" {
                for s in Tokenizer.specials[3...] where rest.hasPrefix(s) {
                    out.append(byPiece[s]!)
                    rest = rest.dropFirst(s.count)
                    continue outer
                }
            }
            guard let id = byPiece[String(first)] else {
                throw .invalidConfig("character \(first.debugDescription) is not in the vocabulary")
            }
            out.append(id)
            rest = rest.dropFirst()
        }
        return out
    }

    /// Text of `tokens`, leaving out padding, BOS and EOS.
    public func decode(_ tokens: some Sequence<Int>) -> String {
        var s = ""
        for t in tokens where t > Tokenizer.eos && t < pieces.count { s += pieces[t] }
        return s
    }
}
