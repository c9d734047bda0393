import Foundation
import RewardCore

/// What a judge's text says, before cost and provenance are attached.
struct ParsedVerdict: Sendable, Equatable {
    var passed: Bool
    var requiresReasoning: Bool?
}

/// Strict reading of a judge's text: a bare TRUE/FALSE, or the think-judge's two-field JSON object.
enum VerdictParser {
    /// The verdict in `text`, or nil when the text is anything else (prose, a hedge, truncated JSON).
    static func parse(_ text: String, kind: VerdictKind) -> ParsedVerdict? {
        let body = strippedWrapping(text)
        switch kind {
        case .thinkJudge: return parseThinkJudge(body)
        case .logic, .grounding, .consistency, .answer: return parseBoolean(body)
        }
    }

    /// Accepts TRUE or FALSE in any case, with at most surrounding quotes, asterisks or one final full stop.
    static func parseBoolean(_ text: String) -> ParsedVerdict? {
        let dressing = CharacterSet(charactersIn: "\"'`*. \n\t")
        return switch text.trimmingCharacters(in: dressing).uppercased() {
        case "TRUE": ParsedVerdict(passed: true)
        case "FALSE": ParsedVerdict(passed: false)
        default: nil
        }
    }

    /// Accepts exactly one JSON object whose two fields are JSON booleans (not 0/1, not strings); other fields are ignored.
    static func parseThinkJudge(_ text: String) -> ParsedVerdict? {
        struct Object: Decodable {
            var is_judgment_correct: Bool
            var requires_reasoning: Bool
        }
        guard text.hasPrefix("{"), text.hasSuffix("}"),
            let object = try? JSONDecoder().decode(Object.self, from: Data(text.utf8))
        else { return nil }
        return ParsedVerdict(passed: object.is_judgment_correct, requiresReasoning: object.requires_reasoning)
    }

    /// Removes what small and reasoning models wrap around a verdict: a leading think block and a code fence.
    static func strippedWrapping(_ text: String) -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.hasPrefix("<think>"), let end = body.range(of: "</think>") {
            body = String(body[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if body.hasPrefix("```"), body.hasSuffix("```"), body.count >= 6 {
            body = String(body.dropFirst(3).dropLast(3))
            if body.hasPrefix("json") { body = String(body.dropFirst(4)) }
            body = body.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return body
    }
}
