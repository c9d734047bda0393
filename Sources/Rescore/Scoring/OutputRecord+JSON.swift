import RewardCore

extension OutputRecord {
    /// Reads an output line back (on resume and in diff); a line that is not one says which field is wrong.
    /// Without `requireLine`, a result with no `line` (a server's result) gets line 0.
    public init(json value: JSONValue, requireLine: Bool = true) throws(RewardError) {
        guard case .object(let object) = value else { throw RewardError(code: .wrongType, message: "a result line must be a JSON object") }
        let line = object["line"]?.integer ?? 0
        guard line > 0 || (!requireLine && object["line"] == nil) else {
            throw RewardError(code: .missingField, message: "a result line needs a positive integer line number", field: "line")
        }
        self.init(line: line, label: object["requires_reasoning"]?.bool, result: try RewardResult(wire: object))
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
            throw RewardError(code: .invalidJSON, message: "not valid JSON: \(error.description)")
        }
        guard let value else { throw RewardError(code: .wrongType, message: "a result line must be a JSON object") }
        try self.init(json: value, requireLine: requireLine)
    }
}
