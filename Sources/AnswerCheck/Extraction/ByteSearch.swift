/// Word-at-a-time byte searches for the scans over long responses: eight bytes are tested with a
/// few integer operations that also say which byte matched; only a tail shorter than a word is
/// read byte by byte.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    /// Bit 5 of every byte: set, it folds ASCII upper case onto lower case.
    static let foldCase: UInt64 = 0x2020_2020_2020_2020

    /// The high bit of each byte of `word` that equals `byte`, exact up to the lowest such byte: the
    /// borrow trick can flag a byte above a true match, never one below it.
    @inline(__always)
    static func lowestMatches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highs
    }

    /// The high bit of every byte of `word` that equals `byte`, exact for every byte (no borrow
    /// crosses bytes: the low seven bits are added apart from the high one).
    @inline(__always)
    static func allMatches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let v = word ^ (ones &* UInt64(byte))
        return ~(((v & ~highs) &+ ~highs) | v | ~highs)
    }

    /// The first index at or after `start` whose byte, with bit 5 set, is `0x7B`, `0x7C` or
    /// `0x7D`: every `\`, `{` and `}` (and also `[`, `]`, `|`); `b.count` when there is none.
    static func nextBraceOrBackslash(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(in: b, from: start) { word in
            let folded = word | foldCase
            return lowestMatches(folded, 0x7B) | lowestMatches(folded, 0x7C) | lowestMatches(folded, 0x7D)
        } byte: { ($0 | 0x20) &- 0x7B < 3 } ?? b.count
    }

    /// The first index at or after `start` whose byte is a backslash or `$`, where every math span
    /// delimiter starts; `b.count` when there is none.
    static func nextBackslashOrDollar(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstIndex(in: b, from: start) { word in
            lowestMatches(word, 0x5C) | lowestMatches(word, 0x24)
        } byte: { $0 == 0x5C || $0 == 0x24 } ?? b.count
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(in: b, from: 0) { $0 & highs } byte: { $0 >= 0x80 } == nil
    }

    /// The first index at or after `start` whose byte passes `byte`; `matches` flags the high bit of
    /// such bytes in a word (little-endian, so the lowest flag is the first byte) and must be exact
    /// for the lowest one: eight bytes cost a few integer operations and no byte-by-byte loop.
    @inline(__always)
    private static func firstIndex(
        in b: UnsafeBufferPointer<UInt8>, from start: Int, matches: (UInt64) -> UInt64, byte: (UInt8) -> Bool
    ) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = max(start, 0)
        while i + 8 <= b.count {
            let flags = matches(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            if flags != 0 { return i + flags.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < b.count {
            if byte(b[i]) { return i }
            i += 1
        }
        return nil
    }

    /// The last index at or before `start` whose byte is `byte`, in either case when `byte` is a
    /// lower-case letter (its byte with bit 5 set is then compared); nil when there is none.
    static func previous(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let fold: UInt8 = byte >= 0x61 && byte <= 0x7A ? 0x20 : 0
        let wordFold = UInt64(fold) &* ones
        var i = min(start, b.count - 1)
        // Words ending at `i`; the highest flag is the last byte, so the flags must be exact for every byte.
        while i >= 7 {
            let flags = allMatches(raw.loadUnaligned(fromByteOffset: i - 7, as: UInt64.self) | wordFold, byte)
            if flags != 0 { return i - flags.leadingZeroBitCount >> 3 }
            i -= 8
        }
        while i >= 0 {
            if b[i] | fold == byte { return i }
            i -= 1
        }
        return nil
    }
}
