import Foundation
import RewardCore

/// What a judge's text says, before cost and provenance are attached.
struct ParsedVerdict: Sendable, Equatable {
    var passed: Bool
    var requiresReasoning: Bool?
    /// A scale verdict's value in [0, 1].
    var score: Double?
}

/// Strict reading of a judge's text: a bare TRUE/FALSE, or the think-judge's two-field JSON object.
enum VerdictParser {
    /// The verdict in `text`, or nil when the text is anything else (prose, a hedge, truncated JSON).
    static func parse(_ text: String, kind: VerdictKind, form: CustomComponent.Form? = nil) -> ParsedVerdict? {
        let body = strippedWrapping(text)
        switch kind {
        case .thinkJudge: return parseThinkJudge(body)
        case .logic, .grounding, .consistency, .answer: return parseBoolean(body)
        case .custom: return form == .scale ? parseScale(body) : parseBoolean(body)
        }
    }

    /// The verdict `request` asks for in `text`.
    static func parse(_ text: String, for request: JudgeRequest) -> ParsedVerdict? {
        parse(text, kind: request.kind, form: request.custom?.form)
    }

    /// Accepts an integer from 0 to 10, optionally written `N/10`, with the same dressing as TRUE/FALSE.
    static func parseScale(_ text: String) -> ParsedVerdict? {
        var body = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"'`*. \n\t"))
        if body.hasSuffix("/10") { body = String(body.dropLast(3)).trimmingCharacters(in: .whitespaces) }
        guard !body.isEmpty, body.count <= 2, body.allSatisfy(\.isASCII), let value = Int(body), (0...10).contains(value) else {
            return nil
        }
        return ParsedVerdict(passed: value >= 5, score: Double(value) / 10)
    }

    /// A stored scale verdict's value: the median of the votes in its raw text (`VoteCount` joins them).
    static func storedScale(_ rawText: String) -> Double? {
        let scores = rawText.components(separatedBy: VoteCount.ballotSeparator).compactMap { parseScale(strippedWrapping($0))?.score }
        return VoteCount.median(scores)
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
