import AnswerCheck
import RewardCore

/// Reads one JSONL line into a rollout with the same fields, defaults and errors as `RolloutPayload`
/// (the server's reader), through the fast `JSONParser`; tests check the two agree on the same inputs.
public enum RolloutReader {
    /// The rollout on `line` or what is wrong with it; the id and label are kept even when the rest is bad.
    public static func read(_ line: UnsafeBufferPointer<UInt8>) -> (rollout: Result<Rollout, RewardError>, id: RolloutID?, label: Bool?) {
        let object: JSONObject
        do {
            guard let read = try JSONParser.object(line, keeping: fields) else {
                return (.failure(RewardError(code: "wrong_type", message: "a rollout must be a JSON object")), nil, nil)
            }
            object = read
        } catch {
            return (.failure(RewardError(code: "invalid_json", message: "the line is not valid JSON: \(error.description)")), nil, nil)
        }
        let label = object["requires_reasoning"]?.bool
        do throws(RewardError) {
            let id = try readID(object)
            do throws(RewardError) {
                return (.success(try rollout(object, id: id)), id, label)
            } catch {
                return (.failure(error), id, label)
            }
        } catch {
            return (.failure(error), nil, label)
        }
    }

    /// The names `RolloutPayload` reads; other members are validated and skipped, never built.
    static let fields: Set<String> = ["id", "prompt", "response", "ground_truth", "answer_type", "requires_reasoning", "images", "group", "tolerance", "prefix"]

    static func readID(_ object: JSONObject) throws(RewardError) -> RolloutID? {
        switch present(object, "id") {
        case nil: return nil
        case .string(let text): return .string(text)
        case .number(let number) where number.integer != nil: return .integer(number.integer!)
        default: throw RewardError(code: "wrong_type", message: "id must be a string or an integer", field: "id")
        }
    }

    static func rollout(_ object: JSONObject, id: RolloutID?) throws(RewardError) -> Rollout {
        guard let response = try string(object, "response") else {
            throw RewardError(code: "missing_field", message: "response is required", field: "response")
        }
        return Rollout(
            id: id,
            prompt: try string(object, "prompt") ?? "",
            response: response,
            groundTruths: try groundTruths(object),
            answerType: try answerType(object),
            requiresReasoning: try bool(object, "requires_reasoning"),
            images: try strings(object, "images") ?? [],
            group: try scalarText(object, "group"),
            tolerance: try tolerance(object),
            prefix: try string(object, "prefix")
        )
    }

    /// The member unless it is missing or null, which both mean "not given".
    static func present(_ object: JSONObject, _ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    static func wrongType(_ key: String, _ expected: String) -> RewardError {
        RewardError(code: "wrong_type", message: "\(key) must be \(expected)", field: key)
    }

    static func string(_ object: JSONObject, _ key: String) throws(RewardError) -> String? {
        guard let value = present(object, key) else { return nil }
        guard let text = value.string else { throw wrongType(key, "a string") }
        return text
    }

    static func bool(_ object: JSONObject, _ key: String) throws(RewardError) -> Bool? {
        guard let value = present(object, key) else { return nil }
        guard let flag = value.bool else { throw wrongType(key, "true or false") }
        return flag
    }

    static func strings(_ object: JSONObject, _ key: String) throws(RewardError) -> [String]? {
        guard let value = present(object, key) else { return nil }
        guard case .array(let items) = value else { throw wrongType(key, "a list of strings") }
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for item in items {
            guard let text = item.string else { throw wrongType(key, "a list of strings") }
            texts.append(text)
        }
        return texts
    }

    /// A string or a number as text, spelled as `ScalarText` and `JSONFieldReader.scalarText` spell it.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.integer.map { String($0) } ?? "\(number.double)"
        default: nil
        }
    }

    static func scalarText(_ object: JSONObject, _ key: String) throws(RewardError) -> String? {
        guard let value = present(object, key) else { return nil }
        guard let text = scalar(value) else { throw wrongType(key, "a string or a number") }
        return text
    }

    static func groundTruths(_ object: JSONObject) throws(RewardError) -> [String]? {
        guard let value = present(object, "ground_truth") else { return nil }
        if case .array(let items) = value {
            let texts = items.compactMap(scalar)
            guard texts.count == items.count else { throw wrongType("ground_truth", "a string or a number") }
            return texts
        }
        return [try scalarText(object, "ground_truth")!]
    }

    static func answerType(_ object: JSONObject) throws(RewardError) -> AnswerType {
        guard let text = try string(object, "answer_type") else { return .auto }
        guard let type = AnswerType(rawValue: text) else {
            let allowed = AnswerType.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw RewardError(code: "invalid_value", message: "answer_type must be one of \(allowed), not '\(text)'", field: "answer_type")
        }
        return type
    }

    static func tolerance(_ object: JSONObject) throws(RewardError) -> Double? {
        guard let value = present(object, "tolerance") else { return nil }
        guard let number = value.double else { throw wrongType("tolerance", "a number") }
        guard number.isFinite, (0...1).contains(number) else {
            throw RewardError(code: "out_of_range", message: "tolerance must be between 0.0 and 1.0", field: "tolerance")
        }
        return number
    }
}
