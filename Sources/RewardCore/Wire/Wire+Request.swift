/// A `POST /reward` body (also `referee score`'s input): one rollout object, or `{"rollouts": [...], "config": {...}}`.
public struct RewardRequest: Sendable {
    /// The rollouts, each read or with its error (`rollouts[3].response`).
    public var items: [RolloutItem]
    /// Whether the body was a batch (answered with `results` and `groups`).
    public var isBatch: Bool
    /// Per-request settings.
    public var config: RequestConfig?
    /// What reading noticed about the request as a whole (unknown `config` keys, stray top-level fields of a batch).
    public var warnings: [RewardWarning]

    /// Creates a request.
    public init(items: [RolloutItem], isBatch: Bool, config: RequestConfig? = nil, warnings: [RewardWarning] = []) {
        self.items = items
        self.isBatch = isBatch
        self.config = config
        self.warnings = warnings
    }
}

extension Wire {
    /// Reads a `POST /reward` body; invalid JSON, a malformed `rollouts` or `config` throw, one bad rollout does not.
    /// A large batch's rollouts are read on up to `parallelism` cores; the result is the same for any value.
    public static func readRewardRequest(_ bytes: UnsafeBufferPointer<UInt8>, parallelism: Int = 1) throws(RewardError) -> RewardRequest {
        var top = RolloutFields()
        top.alsoKnown = ["rollouts", "config", "include"]
        top.keepsOrder = true
        var items: [RolloutItem]?
        var rolloutsError: RewardError?
        var configValue: JSONValue?
        var includeValue: JSONValue?
        try readObject(bytes, what: "the body", notObject: "the request body must be a JSON object") { (key, parser) throws(JSONSyntaxError) in
            switch key {
            case "rollouts" where items == nil && rolloutsError == nil:
                guard parser.peek == UInt8(ascii: "[") else {
                    rolloutsError = RewardError(code: .wrongType, message: "rollouts must be a list of rollout objects", field: "rollouts")
                    return try parser.skipValue(depth: 1)
                }
                items = try readRollouts(&parser, parallelism: parallelism)
            case "config" where configValue == nil:
                configValue = try parser.value(depth: 1)
            case "include" where includeValue == nil:
                includeValue = try parser.value(depth: 1)
            default:
                try top.take(key, from: &parser, depth: 1)
            }
        }
        if let rolloutsError { throw rolloutsError }
        var config: RequestConfig?
        var warnings: [RewardWarning] = []
        if let configValue, configValue != .null {
            config = try RequestConfig(wire: configValue)
            warnings = RequestConfig.warnings(for: configValue)
        }
        // `include` may sit beside `rollouts` (or in a single rollout's object) as well as in `config`.
        if let includeValue, includeValue != .null {
            var withInclude = config ?? RequestConfig()
            withInclude.include = try WireField.strings(includeValue, "include")
            config = withInclude
        }
        guard let items else {
            var item = top.item()
            item.add(warnings)
            return RewardRequest(items: [item], isBatch: false, config: config, warnings: warnings)
        }
        let stray = (top.written + top.unknown).map { name in
            RewardWarning(code: .unknownField, message: "'\(name)' at the top of a batch was ignored: rollout fields go inside each rollout", field: name)
        }
        return RewardRequest(items: items, isBatch: true, config: config, warnings: stray + warnings)
    }

    /// Reads a `POST /reward` body from an array of bytes.
    public static func readRewardRequest(_ bytes: [UInt8], parallelism: Int = 1) throws(RewardError) -> RewardRequest {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(RewardError) in try readRewardRequest(buffer, parallelism: parallelism) }
        }
        return try result.get()
    }

    /// Below this many bytes of rollouts, one core reads them: a second pass and a thread cost more than they save.
    static let parallelReadBytes = 64 * 1024

    /// Reads `[rollout, ...]`: an element that is not an object is that item's error.
    static func readRollouts(_ parser: inout JSONParser, parallelism: Int = 1) throws(JSONSyntaxError) -> [RolloutItem] {
        guard parallelism > 1, parser.bytes.count - parser.index >= parallelReadBytes else {
            var items: [RolloutItem] = []
            try parser.elements(depth: 1) { (parser) throws(JSONSyntaxError) in
                items.append(try readRollout(&parser, offset: items.count))
            }
            return items
        }
        // The whole list is validated and cut first, so that a syntax error anywhere is the body's error
        // exactly as in one pass; then the elements are read on several cores.
        var starts: [Int] = []
        try parser.elements(depth: 1) { (parser) throws(JSONSyntaxError) in
            starts.append(parser.index)
            try parser.skipValue(depth: 2)
        }
        let bytes = parser.bytes
        return ParallelSlices.mapIndices(count: starts.count, parallelism: parallelism) { offset in
            var element = JSONParser(bytes)
            element.index = starts[offset]
            do throws(JSONSyntaxError) {
                return try readRollout(&element, offset: offset)
            } catch {
                // Not reached: the element was validated above at the same depth.
                return .failure(invalidJSON(error, what: "the body"))
            }
        }
    }

    /// Reads the `offset`-th element of `rollouts` at the parser's position.
    private static func readRollout(_ parser: inout JSONParser, offset: Int) throws(JSONSyntaxError) -> RolloutItem {
        guard parser.peek == UInt8(ascii: "{") else {
            try parser.skipValue(depth: 2)
            return .failure(RewardError(code: .wrongType, message: "a rollout must be a JSON object", field: "rollouts[\(offset)]"))
        }
        let item = try RolloutFields.read(from: &parser, depth: 2).item()
        return item.isFailure ? item.nested(under: "rollouts[\(offset)]") : item
    }
}

extension RolloutItem {
    /// Adds request-level warnings to this item and its rollout.
    mutating func add(_ extra: [RewardWarning]) {
        guard !extra.isEmpty else { return }
        warnings += extra
        if case .success(var rollout) = rollout {
            rollout.warnings += extra
            self.rollout = .success(rollout)
        }
    }
}

extension Rollout {
    /// Writes the rollout object `Wire.readRewardRequest` reads back into an equal rollout (warnings aside).
    public func write(to writer: inout JSONWriter) {
        writer.raw("{")
        if let id {
            writer.memberKey("id", first: true)
            id.write(to: &writer)
        }
        writer.memberKey("prompt", first: id == nil)
        writer.string(prompt)
        writer.memberKey("response")
        writer.string(response)
        if let structuredGroundTruth {
            writer.memberKey("ground_truth")
            writer.rawText(structuredGroundTruth)
        } else if let groundTruths {
            writer.memberKey("ground_truth")
            writer.strings(groundTruths)
        }
        if answerType != .auto {
            writer.memberKey("answer_type")
            writer.string(answerType.rawValue)
        }
        if let requiresReasoning {
            writer.memberKey("requires_reasoning")
            writer.bool(requiresReasoning)
        }
        if !images.isEmpty {
            writer.memberKey("images")
            writer.strings(images)
        }
        for (key, value) in [("group", group), ("prefix", prefix), ("layout", layout?.rawValue), ("extraction", extraction?.rawValue), ("task", task), ("prompt_id", promptID)] {
            guard let value else { continue }
            writer.memberKey(key)
            writer.string(value)
        }
        if let tolerance { writer.member("tolerance", tolerance) }
        if let answerThreshold { writer.member("answer_threshold", answerThreshold) }
        if let precision { writer.member("precision", precision) }
        if let answerOptions {
            writer.memberKey("answer_options")
            answerOptions.write(to: &writer)
            for (key, size) in [("image_size", answerOptions.imageSize), ("input_size", answerOptions.inputSize)] {
                guard let size else { continue }
                writer.memberKey(key)
                writer.raw("[")
                writer.number(size.width)
                writer.raw(",")
                writer.number(size.height)
                writer.raw("]")
            }
        }
        writer.raw("}")
    }
}

extension Wire {
    /// The body of a batch `POST /reward`: `{"rollouts": [...], "config": {...}}`.
    public static func batchBody(_ rollouts: [Rollout], config: RequestConfig) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 * rollouts.count + 128)
        writer.raw("{")
        writer.key("rollouts")
        writer.raw("[")
        for (offset, rollout) in rollouts.enumerated() {
            writer.comma(offset > 0)
            rollout.write(to: &writer)
        }
        writer.raw("],")
        writer.key("config")
        config.write(to: &writer)
        writer.raw("}")
        return writer.bytes
    }
}
