/// Runs a rescore: streams the input in chunks through a `ChunkScorer`, writes whole output lines
/// in input order (or as they finish), reports bad lines, shows progress, and resumes after a crash.
public struct Rescorer: Sendable {
    /// Files and behaviour.
    public var options: RescoreOptions
    /// Scores each chunk.
    public var scorer: any ChunkScorer
    /// Where progress and notes go (standard error in the CLI).
    public var log: @Sendable (String) -> Void

    /// Creates a run.
    public init(options: RescoreOptions, scorer: any ChunkScorer, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.scorer = scorer
        self.log = log
    }

    /// Runs to the end of the input; throws `RescoreError` for usage, I/O and `--strict` failures.
    public func run() async throws -> RescoreReport {
        let input = options.input == "-" ? FileDescriptor.standardInput : try FileDescriptor.reading(options.input)
        let (output, errors, resumed) = try prepareOutput(input: input)
        let reader = LineReader(input, maximumLineBytes: options.maximumLineBytes)
        var chunker = Chunker(reader: reader, done: resumed.done, maximumLines: options.chunkLines)
        var progress = ProgressReporter(mode: options.progress, emit: log)
        var summary = resumed.summary
        let totalBytes = input.regularFileSize()
        let (scorer, options) = (self.scorer, self.options)
        // Input bytes of chunks read but not yet written, so progress and ETA follow the output, not the read-ahead.
        var unwrittenBytes: [Int: Int] = [:]

        func write(_ chunk: ChunkOutput) throws {
            if options.strict, let bad = chunk.firstBad {
                try output.writeAll(Array(chunk.bytes[0..<(bad.offset > 0 ? chunk.lineEnds[bad.offset - 1] : 0)]))
                progress.finish()
                errors.finish()
                let field = bad.error.field.map { ", field \($0)" } ?? ""
                throw RescoreError(code: "strict", message: "line \(bad.line) is bad (\(bad.error.code)\(field)): \(bad.error.message); stopped there (--strict). Fix the line and run again with --resume to finish the output")
            }
            try output.writeAll(chunk.bytes)
            try errors.write(chunk.errors)
            summary.merge(chunk.summary)
            unwrittenBytes[chunk.sequence] = nil
            progress.update(summary, bytes: reader.bytesRead - unwrittenBytes.values.reduce(0, +), totalBytes: totalBytes)
        }

        try await withThrowingTaskGroup(of: ChunkOutput.self) { group in
            var started = 0
            var written = 0
            var waiting: [Int: ChunkOutput] = [:]
            var exhausted = false
            while true {
                while !exhausted, started - written < options.chunksInFlight {
                    guard let chunk = try chunker.next() else {
                        exhausted = true
                        break
                    }
                    unwrittenBytes[chunk.sequence] = chunk.storage.count + chunk.lines.count
                    group.addTask { try await scorer.score(chunk) }
                    started += 1
                }
                guard let finished = try await group.next() else { break }
                if options.unordered {
                    try write(finished)
                    written += 1
                    continue
                }
                waiting[finished.sequence] = finished
                while let next = waiting.removeValue(forKey: written) {
                    try write(next)
                    written += 1
                }
            }
        }
        progress.finish()
        errors.finish()
        summary.blankLines = chunker.blankLines
        var warnings: [String] = []
        if resumed.done.maximum > reader.lineNumber {
            warnings.append("the output holds results for input lines up to \(resumed.done.maximum) but the input has \(reader.lineNumber) lines: was it made from another input?")
        }
        return RescoreReport(summary: summary, seconds: progress.elapsedSeconds, warnings: warnings)
    }

    /// Opens the output: refuses to clobber it, empties it on `--overwrite`, or scans it on `--resume`.
    func prepareOutput(input: FileDescriptor) throws -> (FileDescriptor, ErrorSink, ResumeScan) {
        guard options.output != "-" else {
            guard !options.resume else {
                throw RescoreError(code: "usage", message: "--resume needs an output file (-o FILE), not standard output")
            }
            return (.standardOutput, ErrorSink(path: options.resolvedErrorsPath), ResumeScan())
        }
        let output = try FileDescriptor.appending(options.output, truncate: false)
        if let inputIdentity = input.identity(), let outputIdentity = output.identity(), inputIdentity == outputIdentity {
            throw RescoreError(code: "usage", message: "the output \(options.output) is the input file")
        }
        let size = output.regularFileSize() ?? 0
        if options.resume {
            let errors = ErrorSink(path: options.resolvedErrorsPath)
            let scan = try ResumeScan(output: output, errors: errors)
            if scan.truncatedBytes > 0 { log("rescore: cut a half-written last line (\(scan.truncatedBytes) bytes) from \(options.output)\n") }
            if scan.done.count > 0 { log("rescore: resuming, \(scan.done.count) lines already done\n") }
            return (output, errors, scan)
        }
        if size > 0 {
            guard options.overwrite else {
                throw RescoreError(code: "output_exists", message: "\(options.output) already exists and is not empty: pass --resume to finish it or --overwrite to start again")
            }
            try output.truncate(to: 0)
        }
        return (output, ErrorSink(path: options.resolvedErrorsPath), ResumeScan())
    }
}
