/// A `POST /get_reward` body in OpenRLHF's remote reward protocol.
public struct OpenRLHFRequest: Sendable {
    /// Prompt plus response, one per sample.
    public var query: [String]
    /// The prompts, whose text is removed from the front of each query.
    public var prompts: [String]?
    /// Per sample: a ground-truth string, or an object with rollout fields.
    public var labels: [OpenRLHFLabel]?

    /// Creates a request; lists of unequal length are an error naming the field.
    public init(query: [String], prompts: [String]? = nil, labels: [OpenRLHFLabel]? = nil) throws(RewardError) {
        self.query = query
        self.prompts = prompts
        self.labels = labels
        for (name, count) in [("prompts", prompts?.count), ("labels", labels?.count)] {
            if let count, count != query.count {
                throw RewardError(code: .lengthMismatch, message: "\(name) has \(count) items but query has \(query.count)", field: name)
            }
        }
    }

    /// The rollouts to score, in order; a query that does not start with its prompt is an item error.
    public func rollouts() -> [RolloutItem] {
        results().enumerated().map { index, result in
            switch result {
            case .success(let rollout): RolloutItem(rollout: result, id: rollout.id, label: rollout.requiresReasoning, warnings: rollout.warnings)
            case .failure: RolloutItem(rollout: result, id: .integer(index), label: nil, warnings: [])
            }
        }
    }

    func results() -> [Result<Rollout, RewardError>] {
        query.indices.map { index in
            var rollout: Rollout
            switch labels?[index] {
            case .object(.failure(let error)): return .failure(error.nested(under: "labels[\(index)]"))
            case .object(.success(let template)): rollout = template
            case .groundTruth(let text): rollout = Rollout(response: "", groundTruths: [text])
            case nil: rollout = Rollout(response: "")
            }
            let text = query[index]
            if let prompt = prompts?[index] {
                guard text.hasPrefix(prompt) else {
                    return .failure(RewardError(code: .queryPromptMismatch, message: "query does not start with its prompt", field: "query[\(index)]"))
                }
                rollout.response = String(text.dropFirst(prompt.count))
                rollout.prompt = prompt
                if rollout.prefix == nil { rollout.prefix = Self.prefilledJudge(in: prompt) }
            } else {
                rollout.response = text
            }
            if rollout.id == nil { rollout.id = .integer(index) }
            return .success(rollout)
        }
    }

    /// A chat template that pre-fills `<judge>` leaves the tag at the prompt's end: keep it for parsing.
    static func prefilledJudge(in prompt: String) -> String? {
        guard let open = prompt.ranges(of: "<judge>").last else { return nil }
        let tail = prompt[open.lowerBound...]
        return tail.contains("</judge>") ? nil : String(tail)
    }
}

/// One OpenRLHF label: a ground-truth string, or an object carrying rollout fields.
public enum OpenRLHFLabel: Sendable {
    /// A plain ground truth.
    case groundTruth(String)
    /// Rollout fields (`ground_truth`, `requires_reasoning`, `answer_type`, ...), or what is wrong with them.
    case object(Result<Rollout, RewardError>)
}

extension Wire {
    /// Reads a `POST /get_reward` body; a label that cannot be read is that item's error.
    public static func readOpenRLHF(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> OpenRLHFRequest {
        var object = JSONObject()
        var labels: [OpenRLHFLabel]?
        var labelsError: RewardError?
        try readObject(bytes, what: "the body", notObject: "the request body must be a JSON object") { (key, parser) throws(JSONSyntaxError) in
            switch key {
            case "labels" where labels == nil && labelsError == nil:
                switch parser.peek {
                case UInt8(ascii: "["): labels = try readLabels(&parser)
                case UInt8(ascii: "n"): try parser.skipValue(depth: 1)
                default:
                    labelsError = RewardError(code: .wrongType, message: "labels must be a list of strings or objects", field: "labels")
                    try parser.skipValue(depth: 1)
                }
            case "query", "prompts": object.members.append((key, try parser.value(depth: 1)))
            default: try parser.skipValue(depth: 1)
            }
        }
        guard let query = try WireField.strings(object, "query") else {
            throw RewardError(code: .missingField, message: "query is required", field: "query")
        }
        if let labelsError { throw labelsError }
        return try OpenRLHFRequest(query: query, prompts: try WireField.strings(object, "prompts"), labels: labels)
    }

    /// Reads a `POST /get_reward` body from an array of bytes.
    public static func readOpenRLHF(_ bytes: [UInt8]) throws(RewardError) -> OpenRLHFRequest {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(RewardError) in try readOpenRLHF(buffer) }
        }
        return try result.get()
    }

    static func readLabels(_ parser: inout JSONParser) throws(JSONSyntaxError) -> [OpenRLHFLabel] {
        var labels: [OpenRLHFLabel] = []
        try parser.elements(depth: 1) { (parser) throws(JSONSyntaxError) in
            if parser.peek == UInt8(ascii: "{") {
                let item = try RolloutFields.read(from: &parser, depth: 2).item(requireResponse: false)
                labels.append(.object(item.rollout))
                return
            }
            let value = try parser.value(depth: 2)
            if let text = WireField.scalar(value) {
                labels.append(.groundTruth(text))
            } else {
                labels.append(.object(.failure(RewardError(code: .wrongType, message: "a label must be a string, a number or an object"))))
            }
        }
        return labels
    }
}
