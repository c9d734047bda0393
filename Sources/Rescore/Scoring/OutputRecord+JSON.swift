import RewardCore

extension OutputRecord {
    /// Reads an output line back (on resume and in diff); a line that is not one says which field is wrong.
    /// Without `requireLine`, a result with no `line` (a server's result) gets line 0.
    public init(json value: JSONValue, requireLine: Bool = true) throws(RewardError) {
        guard case .object(let object) = value else { throw RewardError(code: "wrong_type", message: "a result line must be a JSON object") }
        let line = object["line"]?.integer ?? 0
        guard line > 0 || (!requireLine && object["line"] == nil) else {
            throw RewardError(code: "missing_field", message: "a result line needs a positive integer line number", field: "line")
        }
        self.init(line: line, label: object["requires_reasoning"]?.bool, result: try RewardResult(json: object))
    }

    /// What the summary, the errors file and the diff read of a line; the rest is skipped unbuilt.
    public static let countedFields: Set<String> = [
        "line", "requires_reasoning", "id", "reward", "components", "decision", "error", "cache", "judge_tokens",
    ]

    /// Reads a line of bytes; `fields` limits the members read (nil reads all of them).
    public init(bytes: UnsafeBufferPointer<UInt8>, requireLine: Bool = true, fields: Set<String>? = nil) throws(RewardError) {
        let value: JSONValue?
        do throws(JSONSyntaxError) {
            if let fields {
                value = try JSONParser.object(bytes, keeping: fields).map(JSONValue.object)
            } else {
                value = try JSONParser.parse(bytes)
            }
        } catch {
            throw RewardError(code: "invalid_json", message: "not valid JSON: \(error.description)")
        }
        guard let value else { throw RewardError(code: "wrong_type", message: "a result line must be a JSON object") }
        try self.init(json: value, requireLine: requireLine)
    }
}

extension RewardResult {
    /// Reads a result object as `write(to:)` writes it (the server's and rescore's output).
    init(json object: JSONObject) throws(RewardError) {
        let id: RolloutID? = switch object["id"] {
        case .string(let text)?: .string(text)
        case .number(let number)? where number.integer != nil: .integer(number.integer!)
        default: nil
        }
        self.init(id: id, group: object["group"]?.string)
        if let reward = object["reward"], reward != .null {
            guard let value = reward.double else { throw RewardError(code: "wrong_type", message: "reward must be a number or null", field: "reward") }
            self.reward = value
        }
        if case .object(let components)? = object["components"] {
            for (key, value) in components.members {
                if let name = ComponentName(rawValue: key), let number = value.double { self.components[name] = number }
            }
        }
        decision = object["decision"]?.string.flatMap(Decision.init(rawValue:))
        extractedAnswer = object["extracted_answer"]?.string
        skipped = Self.reasons(object["skipped"])
        reasons = Self.reasons(object["reasons"])
        if case .object(let error)? = object["error"] {
            self.error = RewardError(code: error["code"]?.string ?? "unknown", message: error["message"]?.string ?? "", field: error["field"]?.string)
        }
        advantage = object["advantage"]?.double
        cacheHits = object["cache"]?["hits"]?.integer ?? 0
        cacheMisses = object["cache"]?["misses"]?.integer ?? 0
        judgeTokens = object["judge_tokens"]?.integer ?? 0
        latencyMs = object["latency_ms"]?.double ?? 0
    }

    private static func reasons(_ value: JSONValue?) -> ComponentMap<String> {
        guard case .object(let object)? = value else { return [:] }
        var reasons: ComponentMap<String> = [:]
        for (key, value) in object.members {
            if let name = ComponentName(rawValue: key), let text = value.string { reasons[name] = text }
        }
        return reasons
    }
}
