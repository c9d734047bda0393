/// Word-at-a-time byte searches for the scans over long responses: eight bytes are tested with a
/// few integer operations, and only a word that may hold a match is looked at byte by byte.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    /// Bit 5 of every byte: set, it folds ASCII upper case onto lower case.
    static let foldCase: UInt64 = 0x2020_2020_2020_2020

    /// Whether a byte of `word` equals `byte` (exact: the borrow trick never misses a zero byte
    /// and reports one only when there is one).
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highs != 0
    }

    /// The first index at or after `start` whose byte, with bit 5 set, is `0x7B`, `0x7C` or
    /// `0x7D`: every `\`, `{` and `}` (and also `[`, `]`, `|`); `b.count` when there is none.
    static func nextBraceOrBackslash(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let index = firstIndex(in: b, from: start) { word in
            let folded = word | foldCase
            return contains(folded, 0x7B) || contains(folded, 0x7C) || contains(folded, 0x7D)
        } byte: { ($0 | 0x20) &- 0x7B < 3 }
        return index ?? b.count
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(in: b, from: 0) { $0 & highs != 0 } byte: { $0 >= 0x80 } == nil
    }

    /// The first index at or after `start` whose byte passes `byte`, skipping each eight bytes
    /// that `word` (which must hold for any word with such a byte) rules out.
    @inline(__always)
    private static func firstIndex(
        in b: UnsafeBufferPointer<UInt8>, from start: Int, word: (UInt64) -> Bool, byte: (UInt8) -> Bool
    ) -> Int? {
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = max(start, 0)
        while i < b.count {
            if i + 8 <= b.count, !word(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let stop = min(i + 8, b.count)
            while i < stop {
                if byte(b[i]) { return i }
                i += 1
            }
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
        while i >= 0 {
            if i >= 7 {
                let word = raw.loadUnaligned(fromByteOffset: i - 7, as: UInt64.self) | wordFold
                if !contains(word, byte) {
                    i -= 8
                    continue
                }
            }
            let stop = max(i - 8, -1)
            while i > stop {
                if b[i] | fold == byte { return i }
                i -= 1
            }
        }
        return nil
    }
}
