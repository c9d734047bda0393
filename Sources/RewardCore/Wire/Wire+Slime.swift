extension Wire {
    /// Reads slime's `remote_rm` body `{"prompt", "response", "label"}`: the prompt a string or a chat
    /// message list, the label a trainer label (``rolloutTemplate(label:)``).
    public static func readSlime(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> RolloutItem {
        let object = try readDocumentObject(bytes)
        guard let response = WireField.present(object, "response") else {
            throw RewardError(code: .missingField, message: "response is required", field: "response")
        }
        guard let text = response.string else { throw WireField.wrongType("response", "a string") }
        let result = rolloutTemplate(label: object["label"]).mapError { $0.nested(under: "label") }.map { template in
            var rollout = template
            rollout.response = text
            if let prompt = object["prompt"].flatMap(promptText) { rollout.prompt = prompt }
            return rollout
        }
        return RolloutItem(result)
    }

    /// A whole document that must be one JSON object, as a value (for the trainer routes, off the hot path).
    static func readDocumentObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> JSONObject {
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONParser.parse(bytes)
        } catch {
            throw invalidJSON(error, what: "the body")
        }
        guard case .object(let object) = value else {
            throw RewardError(code: .wrongType, message: "the request body must be a JSON object")
        }
        return object
    }
}

extension RewardResult {
    /// The result object for trainers that need a number: `reward` is `fallback` when the rollout
    /// abstained, and `abstained` says so.
    public func numericJSON(fallback: Double) -> [UInt8] {
        var bytes = numericMembers(fallback: fallback)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// The result object's bytes without its closing brace, with `reward` never null and `abstained` added.
    func numericMembers(fallback: Double) -> [UInt8] {
        var copy = self
        copy.reward = reward ?? fallback
        var bytes = copy.jsonBytes(includeAdvantage: false)
        bytes.removeLast()
        bytes.append(contentsOf: #","abstained":"#.utf8)
        bytes.append(contentsOf: (reward == nil ? "true" : "false").utf8)
        return bytes
    }
}
