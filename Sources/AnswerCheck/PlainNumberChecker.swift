/// Interim numeric checker (plain decimal numbers only) until the full math engine lands.
public struct PlainNumberChecker: AnswerChecker {
    /// Creates the checker.
    public init() {}

    /// Compares two plain numbers with relative tolerance; anything else is `unparseable`.
    public func check(answer: String, groundTruth: String, tolerance: Double) -> AnswerVerdict {
        guard let a = Double(answer.trimmedWhitespace), let b = Double(groundTruth.trimmedWhitespace) else {
            return .wrong("unparseable")
        }
        return abs(a - b) <= tolerance * max(abs(a), abs(b)) ? .correct : .wrong()
    }
}
