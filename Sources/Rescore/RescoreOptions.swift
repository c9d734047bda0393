/// How a rescore run reads, writes and resumes; the scoring itself is the `ChunkScorer`'s business.
public struct RescoreOptions: Sendable {
    /// The input JSONL path, or `-` for standard input.
    public var input: String
    /// The output JSONL path, or `-` for standard output.
    public var output: String
    /// The errors file; nil means OUTPUT + `.errors.jsonl` (standard error when the output is standard output).
    public var errorsPath: String?
    /// Finish an existing output instead of refusing to touch it.
    public var resume = false
    /// Empty an existing output and start again.
    public var overwrite = false
    /// Stop at the first bad line with an error instead of reporting it and going on.
    public var strict = false
    /// Write chunks as they finish instead of in input order.
    public var unordered = false
    /// Lines per chunk.
    public var chunkLines = 1024
    /// Chunks being scored or waiting to be written at once: this bounds memory.
    public var chunksInFlight = 4
    /// Lines longer than this many bytes are bad lines (`line_too_long`), never buffered whole.
    public var maximumLineBytes = 32 << 20
    /// How progress is shown on standard error.
    public var progress = ProgressReporter.Mode.off

    /// Creates options for `input` and `output`.
    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }

    /// Where bad lines are reported: a file path, or nil for standard error.
    public var resolvedErrorsPath: String? {
        errorsPath ?? (output == "-" ? nil : output + ".errors.jsonl")
    }
}

/// What a finished run reports.
public struct RescoreReport: Sendable {
    /// Totals over the whole output, lines done before a resume included.
    public var summary: RescoreSummary
    /// Seconds this run took.
    public var seconds: Double
    /// Things the user should know that did not stop the run.
    public var warnings: [String]
}
