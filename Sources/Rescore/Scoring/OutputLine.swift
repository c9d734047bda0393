import RewardCore

/// One line of rescore's output: the result object as the server writes it, with the input line number
/// first and the input's `requires_reasoning` label echoed (the summary's confusion matrix needs it on resume).
public struct OutputRecord: Sendable, Equatable {
    /// The 1-based input line number.
    public var line: Int
    /// The input's `requires_reasoning`, when it had one.
    public var label: Bool?
    /// The result.
    public var result: RewardResult

    /// Creates a record.
    public init(line: Int, label: Bool?, result: RewardResult) {
        self.line = line
        self.label = label
        self.result = result
    }

    /// Whether the input line could not be read as a rollout (it has an error and was never scored).
    public var isBadLine: Bool { result.decision == nil && result.error != nil }
}

/// Writes output and errors-file lines.
enum OutputLine {
    /// Appends `{"line":N,"requires_reasoning":L,` and then the rest of `resultObject` after its `{`, and a newline.
    static func append(line: Int, label: Bool?, resultObject: some Collection<UInt8>, to output: inout [UInt8]) {
        appendPrefix(line: line, label: label, to: &output)
        output.append(contentsOf: resultObject.dropFirst())
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends the output line of an in-process result.
    static func append(_ record: OutputRecord, to output: inout [UInt8]) {
        var writer = JSONWriter(capacity: 640)
        record.result.write(to: &writer, includeAdvantage: false)
        append(line: record.line, label: record.label, resultObject: writer.bytes, to: &output)
    }

    private static func appendPrefix(line: Int, label: Bool?, to output: inout [UInt8]) {
        output.append(contentsOf: #"{"line":"#.utf8)
        output.append(contentsOf: String(line).utf8)
        output.append(contentsOf: #","requires_reasoning":"#.utf8)
        switch label {
        case true?: output.append(contentsOf: "true,".utf8)
        case false?: output.append(contentsOf: "false,".utf8)
        case nil: output.append(contentsOf: "null,".utf8)
        }
    }

    /// Appends `{"line":N,"id":...,"error":{...}}` and a newline: the errors file's entry for a bad line.
    static func appendError(_ record: OutputRecord, to output: inout [UInt8]) {
        guard let error = record.result.error else { return }
        var writer = JSONWriter(capacity: 256)
        writer.raw("{")
        writer.key("line")
        writer.number(record.line)
        writer.raw(",")
        writer.key("id")
        switch record.result.id {
        case .string(let text)?: writer.string(text)
        case .integer(let value)?: writer.number(value)
        case nil: writer.raw("null")
        }
        writer.raw(",")
        writer.key("error")
        error.write(to: &writer)
        writer.raw("}")
        output.append(contentsOf: writer.bytes)
        output.append(UInt8(ascii: "\n"))
    }
}
