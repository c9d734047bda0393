extension RewardResult {
    /// Reads a result object as `write(to:)` writes it (the server's, `referee score`'s and rescore's output).
    public init(wire object: JSONObject) throws(RewardError) {
        let id: RolloutID? = switch object["id"] {
        case .string(let text)?: .string(text)
        case .number(let number)? where number.integer != nil: .integer(number.integer!)
        default: nil
        }
        self.init(id: id, group: object["group"]?.string)
        if let reward = object["reward"], reward != .null {
            guard let value = reward.double else { throw RewardError(code: .wrongType, message: "reward must be a number or null", field: "reward") }
            self.reward = value
        }
        accuracy = object["accuracy"]?.double
        if case .object(let components)? = object["components"] {
            for (key, value) in components.members {
                if let name = ComponentName(rawValue: key) {
                    if let number = value.double { self.components[name] = number }
                } else if let number = value.double {
                    customComponents[key] = number
                }
            }
        }
        decision = object["decision"]?.string.flatMap(Decision.init(rawValue:))
        extractedAnswer = object["extracted_answer"]?.string
        (skipped, customSkipped) = Self.reasons(object["skipped"])
        (reasons, customReasons) = Self.reasons(object["reasons"])
        if case .object(let error)? = object["error"] {
            self.error = Self.readError(error)
        }
        if case .array(let items)? = object["warnings"] {
            warnings = items.compactMap(Self.warning)
        }
        advantage = object["advantage"]?.double
        cacheHits = object["cache"]?["hits"]?.integer ?? 0
        cacheMisses = object["cache"]?["misses"]?.integer ?? 0
        judgeTokens = object["judge_tokens"]?.integer ?? 0
        latencyMs = object["latency_ms"]?.double ?? 0
    }

    /// An error object; a code this version does not know is kept in the message as `unrecognized`.
    static func readError(_ object: JSONObject) -> RewardError {
        let text = object["code"]?.string ?? ""
        let message = object["message"]?.string ?? ""
        guard let code = ErrorCode(rawValue: text) else {
            return RewardError(code: .unrecognized, message: "\(text): \(message)", field: object["field"]?.string)
        }
        return RewardError(code: code, message: message, field: object["field"]?.string)
    }

    static func warning(_ value: JSONValue) -> RewardWarning? {
        guard case .object(let object) = value, let code = object["code"]?.string.flatMap(WarningCode.init(rawValue:)) else { return nil }
        return RewardWarning(code: code, message: object["message"]?.string ?? "", field: object["field"]?.string)
    }

    /// The built-in components' reasons, and the custom components' by name.
    private static func reasons(_ value: JSONValue?) -> (ComponentMap<String>, [String: String]) {
        guard case .object(let object)? = value else { return ([:], [:]) }
        var reasons: ComponentMap<String> = [:]
        var custom: [String: String] = [:]
        for (key, value) in object.members {
            guard let text = value.string else { continue }
            if let name = ComponentName(rawValue: key) { reasons[name] = text } else { custom[key] = text }
        }
        return (reasons, custom)
    }
}

extension BatchResult {
    /// Reads a batch answer `{"results": [...], "groups": {...}}`; a body without `groups` has none.
    public init(wire value: JSONValue) throws(RewardError) {
        guard case .array(let items)? = value["results"] else {
            throw RewardError(code: .missingField, message: "the answer has no results list", field: "results")
        }
        var results: [RewardResult] = []
        results.reserveCapacity(items.count)
        for (offset, item) in items.enumerated() {
            guard case .object(let object) = item else {
                throw RewardError(code: .wrongType, message: "a result must be a JSON object", field: "results[\(offset)]")
            }
            do throws(RewardError) {
                results.append(try RewardResult(wire: object))
            } catch {
                throw error.nested(under: "results[\(offset)]")
            }
        }
        var groups: [String: GroupSummary] = [:]
        if case .object(let object)? = value["groups"] {
            for (name, summary) in object.members {
                groups[name] = GroupSummary(
                    n: summary["n"]?.integer ?? 0, mean: summary["mean"]?.double, std: summary["std"]?.double,
                    degenerate: summary["degenerate"]?.bool ?? false, passRate: summary["pass_rate"]?.double)
            }
        }
        var warnings: [RewardWarning] = []
        if case .array(let list)? = value["warnings"] { warnings = list.compactMap(RewardResult.warning) }
        self.init(results: results, groups: groups, warnings: warnings)
    }

    /// Reads a batch answer from bytes; invalid JSON names the line and column.
    public init(wire bytes: [UInt8]) throws(RewardError) {
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        }
        switch parsed {
        case .success(let value): try self.init(wire: value)
        case .failure(let error): throw Wire.invalidJSON(error, what: "the answer")
        }
    }
}
