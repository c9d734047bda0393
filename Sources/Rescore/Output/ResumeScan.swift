/// Reads an existing output before a resumed run: cuts a half-written last line, collects the done line
/// numbers, rebuilds the errors file and the summary from the complete lines.
public struct ResumeScan {
    /// Lines already in the output.
    public var done = LineSet()
    /// Totals over them.
    public var summary = RescoreSummary()
    /// Bytes of a half-written last line that were cut.
    public var truncatedBytes = 0

    /// Nothing done yet.
    public init() {}

    /// Scans `output` (opened for appending), truncating it to its last complete line.
    public init(output: FileDescriptor, errors: ErrorSink) throws {
        let size = output.regularFileSize() ?? 0
        let keep = try Self.lastCompleteLineEnd(output, size: size)
        if keep < size {
            try output.truncate(to: keep)
            truncatedBytes = size - keep
        }
        try output.seek(to: 0)
        let reader = LineReader(output)
        var errorLines: [UInt8] = []
        while let record = try reader.next({ number, content in try Self.record(content, number: number, path: output.path) }) {
            guard done.insert(record.line) else {
                throw Self.damaged(output.path, reader.lineNumber, "input line \(record.line) appears twice")
            }
            summary.add(record)
            if record.isBadLine { OutputLine.appendError(record, to: &errorLines) }
            if errorLines.count > 1 << 20 {
                try errors.write(errorLines)
                errorLines.removeAll(keepingCapacity: true)
            }
        }
        try errors.write(errorLines)
        summary.resumedLines = summary.lines
    }

    static func record(_ content: LineContent, number: Int, path: String) throws(RescoreError) -> OutputRecord {
        guard case .bytes(let bytes) = content else { throw damaged(path, number, "the line is too long") }
        do {
            return try OutputRecord(bytes: bytes, fields: OutputRecord.countedFields)
        } catch {
            throw damaged(path, number, error.message)
        }
    }

    static func damaged(_ path: String, _ number: Int, _ problem: String) -> RescoreError {
        RescoreError(code: "bad_output", message: "\(path) line \(number) is not a rescore result (\(problem)); it was not written by referee rescore or was edited: pass --overwrite to start again")
    }

    /// The length of the file up to and including its last newline.
    static func lastCompleteLineEnd(_ file: FileDescriptor, size: Int) throws -> Int {
        let block = 1 << 16
        var buffer = [UInt8](repeating: 0, count: block)
        var end = size
        while end > 0 {
            let start = max(0, end - block)
            let got = try buffer.withUnsafeMutableBytes { raw in
                try file.readSome(into: raw.baseAddress!, count: end - start, at: start)
            }
            if let last = buffer[0..<got].lastIndex(of: UInt8(ascii: "\n")) { return start + last + 1 }
            end = start
        }
        return 0
    }
}
