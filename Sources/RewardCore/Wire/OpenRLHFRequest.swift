/// A `POST /get_reward` body in OpenRLHF's remote reward protocol.
public struct OpenRLHFRequest: Sendable {
    /// Prompt plus response, one per sample.
    public var query: [String]
    /// The prompts, whose text is removed from the front of each query.
    public var prompts: [String]?
    /// Per sample: the rollout its label describes (``Wire/rolloutTemplate(label:)``), or what is wrong with it.
    public var labels: [Result<Rollout, RewardError>]?

    /// Creates a request; lists of unequal length are an error naming the field.
    public init(query: [String], prompts: [String]? = nil, labels: [Result<Rollout, RewardError>]? = nil) throws(RewardError) {
        self.query = query
        self.prompts = prompts
        self.labels = labels
        for (name, count) in [("prompts", prompts?.count), ("labels", labels?.count)] {
            if let count, count != query.count {
                throw RewardError(code: .lengthMismatch, message: "\(name) has \(count) items but query has \(query.count)", field: name)
            }
        }
    }

    /// The rollouts to score, in order; a query whose response cannot be found is an item error.
    public func rollouts() -> [RolloutItem] {
        results().enumerated().map { index, result in
            var item = RolloutItem(result)
            if item.id == nil { item.id = .integer(index) }
            return item
        }
    }

    func results() -> [Result<Rollout, RewardError>] {
        query.indices.map { index in
            var rollout: Rollout
            switch labels?[index] {
            case .failure(let error)?: return .failure(error.nested(under: "labels[\(index)]"))
            case .success(let template)?: rollout = template
            case nil: rollout = Rollout(response: "")
            }
            let text = query[index]
            if let prompt = prompts?[index] {
                rollout.prompt = prompt
                if text.hasPrefix(prompt) {
                    rollout.response = String(text.dropFirst(prompt.count))
                    if rollout.prefix == nil { rollout.prefix = Self.prefilledJudge(in: prompt) }
                } else if let reply = ChatTemplate.lastAssistantReply(in: text) {
                    // OpenRLHF left-truncates long prompts: the query no longer starts with the prompt it sends.
                    rollout.response = reply.text
                    if rollout.prefix == nil { rollout.prefix = Self.prefilledJudge(in: String(text[..<reply.start])) }
                    rollout.warnings.append(RewardWarning(
                        code: .promptNotPrefix,
                        message: "query does not start with its prompt (a truncated prompt?); the response was taken after the last \(reply.template) assistant header",
                        field: "query[\(index)]"))
                } else {
                    return .failure(RewardError(
                        code: .queryPromptMismatch,
                        message: "query does not start with its prompt and holds no known chat template's assistant header (ChatML/Qwen, Llama 3, Gemma, Phi, DeepSeek, Mistral), so the response cannot be found",
                        field: "query[\(index)]"))
                }
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

extension Wire {
    /// Reads a `POST /get_reward` body; a label that cannot be read is that item's error.
    public static func readOpenRLHF(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> OpenRLHFRequest {
        var object = JSONObject()
        var labels: [Result<Rollout, RewardError>]?
        var labelsError: RewardError?
        try readObject(bytes, what: "the body", notObject: "the request body must be a JSON object") { (key, parser) throws(JSONSyntaxError) in
            switch key {
            case "labels" where labels == nil && labelsError == nil:
                switch parser.peek {
                case UInt8(ascii: "["):
                    labels = []
                    try parser.elements(depth: 1) { (parser) throws(JSONSyntaxError) in
                        labels?.append(rolloutTemplate(label: try parser.value(depth: 2)))
                    }
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
}
