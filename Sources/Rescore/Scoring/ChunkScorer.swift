import RewardCore

/// Scores one chunk of input lines into output lines; in process or through a running service.
public protocol ChunkScorer: Sendable {
    /// The output for `chunk`: one line per input line, in the chunk's order.
    func score(_ chunk: InputChunk) async throws -> ChunkOutput
}

/// One chunk's output lines, its errors-file lines and its share of the summary.
public struct ChunkOutput: Sendable {
    /// The chunk's position in the input.
    public var sequence: Int
    /// Output lines, each ending in a newline.
    public var bytes: [UInt8] = []
    /// Where each line ends in `bytes`, so that `--strict` can write only the lines before a bad one.
    public var lineEnds: [Int] = []
    /// Errors-file lines for the chunk's bad lines.
    public var errors: [UInt8] = []
    /// The first bad line: its offset in the chunk, its line number and what is wrong.
    public var firstBad: (offset: Int, line: Int, error: RewardError)?
    /// Totals over the chunk's lines.
    public var summary = RescoreSummary()

    /// Creates an empty output.
    public init(sequence: Int, expectedLines: Int = 0) {
        self.sequence = sequence
        bytes.reserveCapacity(expectedLines * 640)
        lineEnds.reserveCapacity(expectedLines)
    }

    /// Adds one line; `resultObject` is the result's JSON when it came from a server, else it is written here.
    public mutating func add(_ record: OutputRecord, resultObject: ArraySlice<UInt8>? = nil) {
        if let resultObject {
            OutputLine.append(line: record.line, label: record.label, resultObject: resultObject, to: &bytes)
        } else {
            OutputLine.append(record, to: &bytes)
        }
        if record.isBadLine {
            OutputLine.appendError(record, to: &errors)
            if firstBad == nil, let error = record.result.error { firstBad = (lineEnds.count, record.line, error) }
        }
        lineEnds.append(bytes.count)
        summary.add(record)
    }
}

/// A chunk's lines read as rollouts: what both scorers start from.
struct ReadChunk {
    var items: [RolloutItem] = []
    var numbers: [Int] = []

    init(_ chunk: InputChunk) {
        items.reserveCapacity(chunk.lines.count)
        chunk.forEachLine { line, bytes in
            numbers.append(line.number)
            if let skipped = line.skippedBytes {
                items.append(.failure(RewardError(code: .lineTooLong, message: "the line is \(skipped) bytes, over the --max-line-bytes limit")))
                return
            }
            items.append(Wire.readRollout(bytes))
        }
    }
}

/// Scores chunks in process with the same engine and options as the server.
public struct EngineChunkScorer: ChunkScorer {
    /// The engine (with the judge and verdict cache when configured).
    public var engine: RewardEngine
    /// The scoring options; advantages are not computed (see `RescoreOptions`).
    public var options: ScoringOptions
    /// Called with each chunk's rollouts and results (`--update-stats` adds them to the prompt statistics).
    public var onScored: (@Sendable ([RolloutItem], [RewardResult]) async throws -> Void)?

    /// Creates a scorer; `concurrency` bounds the rollouts of one chunk judged at once.
    public init(engine: RewardEngine, options: ScoringOptions, concurrency: Int) {
        self.engine = engine
        self.engine.batchConcurrency = max(1, concurrency)
        self.options = options
        self.options.advantage = .none
    }

    /// Reads, scores and writes the chunk's lines.
    public func score(_ chunk: InputChunk) async throws -> ChunkOutput {
        let read = ReadChunk(chunk)
        var output = ChunkOutput(sequence: chunk.sequence, expectedLines: read.items.count)
        var results: [RewardResult] = []
        if engine.judge == nil {
            results.reserveCapacity(read.items.count)
            for item in read.items {
                switch item.rollout {
                case .success(let rollout): results.append(engine.scoreWithRules(rollout, options: options))
                case .failure(let error): results.append(RewardResult.invalid(id: item.id, error: error, warnings: item.warnings))
                }
            }
        } else {
            results = await engine.scoreBatch(read.items, options: options).results
        }
        for (offset, result) in results.enumerated() {
            output.add(OutputRecord(line: read.numbers[offset], label: read.items[offset].label, result: result))
        }
        try await onScored?(read.items, results)
        return output
    }
}
