#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line as `LineReader` hands it out: its bytes (without the newline or a trailing `\r`),
/// or only its length when it is longer than the reader keeps in memory.
public enum LineContent {
    /// The line's bytes, valid only inside the callback.
    case bytes(UnsafeBufferPointer<UInt8>)
    /// The line was longer than the limit; this many bytes were skipped.
    case tooLong(Int)
}

/// Reads a file descriptor in large blocks and hands out its lines numbered from 1, in constant memory:
/// the buffer grows only to hold one line, up to `maximumLineBytes`; longer lines are skipped and reported.
public final class LineReader {
    /// The source.
    public let file: FileDescriptor
    /// Lines longer than this are reported as `.tooLong` instead of being buffered.
    public let maximumLineBytes: Int
    /// Bytes read from the source so far, for progress.
    public private(set) var bytesRead = 0
    /// The number of the last line handed out.
    public private(set) var lineNumber = 0

    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// Creates a reader with a first block of `blockBytes`.
    public init(_ file: FileDescriptor, blockBytes: Int = 1 << 20, maximumLineBytes: Int = 32 << 20) {
        self.file = file
        self.maximumLineBytes = max(1, maximumLineBytes)
        capacity = max(16, min(blockBytes, self.maximumLineBytes + 1))
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Calls `body` with the next line's number and content; returns nil after the last line.
    /// A final line without a newline still counts; a UTF-8 byte order mark before line 1 is dropped.
    public func next<R>(_ body: (Int, LineContent) throws -> R) throws -> R? {
        while true {
            if let newline = memchr(buffer + start, Int32(UInt8(ascii: "\n")), end - start) {
                let stop = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                let range = start..<stop
                start = stop + 1
                return try deliver(range, body)
            }
            if atEnd {
                guard start < end else { return nil }
                let range = start..<end
                start = end
                return try deliver(range, body)
            }
            if start > 0 {
                memmove(buffer, buffer + start, end - start)
                end -= start
                start = 0
            }
            if end == capacity {
                if capacity > maximumLineBytes {
                    let skipped = try skipLongLine()
                    return try body(lineNumber, .tooLong(skipped))
                }
                grow()
            }
            let got = try file.readSome(into: buffer + end, count: capacity - end)
            bytesRead += got
            if got == 0 { atEnd = true }
            end += got
        }
    }

    private func deliver<R>(_ range: Range<Int>, _ body: (Int, LineContent) throws -> R) rethrows -> R {
        lineNumber += 1
        var lower = range.lowerBound
        var upper = range.upperBound
        if upper > lower, buffer[upper - 1] == UInt8(ascii: "\r") { upper -= 1 }
        if lineNumber == 1, upper - lower >= 3, buffer[lower] == 0xEF, buffer[lower + 1] == 0xBB, buffer[lower + 2] == 0xBF {
            lower += 3
        }
        return try body(lineNumber, .bytes(UnsafeBufferPointer(start: buffer + lower, count: upper - lower)))
    }

    private func grow() {
        let larger = min(capacity * 2, maximumLineBytes + 1)
        let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        replacement.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = replacement
        capacity = larger
    }

    /// Drops the buffered part of an over-long line and reads on to its newline; returns its length.
    private func skipLongLine() throws -> Int {
        lineNumber += 1
        var skipped = end
        start = 0
        end = 0
        while true {
            let got = try file.readSome(into: buffer, count: capacity)
            bytesRead += got
            guard got > 0 else {
                atEnd = true
                return skipped
            }
            if let newline = memchr(buffer, Int32(UInt8(ascii: "\n")), got) {
                let stop = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                start = stop + 1
                end = got
                return skipped + stop
            }
            skipped += got
        }
    }
}
