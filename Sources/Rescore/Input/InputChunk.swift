/// A run of input lines copied out of the reader's buffer, so that it can be scored on another thread.
public struct InputChunk: Sendable {
    /// One line of the chunk.
    public struct Line: Sendable {
        /// The 1-based input line number.
        public var number: Int
        /// Where the line's bytes sit in `storage`.
        public var range: Range<Int>
        /// Set when the line was too long to keep: its length in bytes.
        public var skippedBytes: Int?
    }

    /// The chunk's position in the input, from 0; ordered output writes chunks in this order.
    public var sequence: Int
    /// The lines' bytes, one after another.
    public var storage: [UInt8] = []
    /// The lines, in input order.
    public var lines: [Line] = []

    /// Creates an empty chunk.
    public init(sequence: Int) {
        self.sequence = sequence
    }

    /// Adds a line.
    public mutating func append(number: Int, _ content: LineContent) {
        switch content {
        case .bytes(let bytes):
            let start = storage.count
            storage.append(contentsOf: bytes)
            lines.append(Line(number: number, range: start..<storage.count))
        case .tooLong(let count):
            lines.append(Line(number: number, range: storage.count..<storage.count, skippedBytes: count))
        }
    }

    /// Calls `body` with each line's number, bytes and over-long length.
    public func forEachLine(_ body: (Line, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try storage.withUnsafeBufferPointer { buffer in
            for line in lines { try body(line, UnsafeBufferPointer(rebasing: buffer[line.range])) }
        }
    }
}

/// Cuts the input into chunks of at most `maximumLines` lines or about `maximumBytes` bytes,
/// leaving out lines already done (on resume) and blank lines.
public struct Chunker {
    /// The line source.
    public let reader: LineReader
    /// Lines already in the output, skipped.
    public let done: LineSet
    /// Lines per chunk at most.
    public var maximumLines: Int
    /// Bytes per chunk, roughly: a chunk closes once it holds this many.
    public var maximumBytes: Int
    /// Whitespace-only lines seen and skipped.
    public private(set) var blankLines = 0
    private var sequence = 0

    /// Creates a chunker.
    public init(reader: LineReader, done: LineSet, maximumLines: Int, maximumBytes: Int = 4 << 20) {
        self.reader = reader
        self.done = done
        self.maximumLines = max(1, maximumLines)
        self.maximumBytes = maximumBytes
    }

    /// The next chunk, or nil when the input is exhausted.
    public mutating func next() throws -> InputChunk? {
        var chunk = InputChunk(sequence: sequence)
        while chunk.lines.count < maximumLines, chunk.storage.count < maximumBytes {
            let more: Void? = try reader.next { number, content in
                guard !done.contains(number) else { return }
                if case .bytes(let bytes) = content, Self.isBlank(bytes) {
                    blankLines += 1
                    return
                }
                chunk.append(number: number, content)
            }
            guard more != nil else { break }
        }
        guard !chunk.lines.isEmpty else { return nil }
        sequence += 1
        return chunk
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
