import Foundation
@testable import AnswerCheck

/// The conformance corpus (`Fixtures/conformance/`) and the way this project judges one of its pairs.
struct MathCorpus {
    struct Pair: Sendable {
        var line: Int
        var gold: String
        var prediction: String
        var expected: Bool
        var suspect: Bool
        var kind: String
        /// The mathematically right verdict: Math-Verify's, except where it is known to be wrong.
        var truth: Bool { suspect ? !expected : expected }
    }

    /// `Tests/AnswerCheckTests/Fixtures/conformance/math_answers.jsonl`, found from this file's path
    /// so that the tests read it from any working directory.
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/conformance/math_answers.jsonl")

    static func load() throws -> [Pair] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var pairs: [Pair] = []
        for (k, line) in text.split(separator: "\n").enumerated() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            pairs.append(Pair(
                line: k + 1, gold: object["gold"] as? String ?? "", prediction: object["pred"] as? String ?? "",
                expected: object["expected"] as? Bool ?? false, suspect: object["mv_suspect"] != nil,
                kind: object["kind"] as? String ?? "?"))
        }
        return pairs
    }

    /// Judges one pair as the reward service does in lenient mode: extract both sides (the gold
    /// wrapped in `\boxed{}`, as verl runs Math-Verify), compare, and fall back to text when a
    /// side does not parse.
    static func judge(_ pair: Pair, checker: MathAnswerChecker = MathAnswerChecker()) -> Bool {
        let gold = goldAnswer(pair.gold)
        guard let prediction = AnswerExtraction.lenient(pair.prediction) else { return false }
        let verdict = checker.check(answer: prediction, groundTruth: gold, tolerance: 1e-6)
        if verdict.reason == .unparseable { return normalisedText(prediction) == normalisedText(gold) }
        return verdict.isCorrect
    }

    /// The gold reduced to its answer as the service does (``AnswerExtraction/groundTruth(_:)``,
    /// which also finds a worked solution's marked answer), then wrapped in `\\boxed{}` and extracted
    /// again, as verl runs Math-Verify.
    static func goldAnswer(_ gold: String) -> String {
        let gold = AnswerExtraction.groundTruth(gold)
        return AnswerExtraction.lenient("\\boxed{" + gold + "}") ?? gold
    }

    static func normalisedText(_ s: String) -> String {
        var t = s.lowercased()
        for wrapper in ["\\text{", "\\mathrm{", "\\textbf{"] { t = t.replacingOccurrences(of: wrapper, with: "") }
        return t.filter { !$0.isWhitespace && !"{}$".contains($0) }
    }
}
