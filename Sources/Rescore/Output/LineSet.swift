/// A set of line numbers as a bitset: 1,000,000 lines take 125 KB, where a `Set<Int>` would take tens of MB.
public struct LineSet: Sendable, Equatable {
    private var words: [UInt64] = []
    /// How many numbers are in the set.
    public private(set) var count = 0
    /// The largest number in the set, 0 when empty.
    public private(set) var maximum = 0

    /// Creates an empty set.
    public init() {}

    /// Whether `number` is in the set.
    public func contains(_ number: Int) -> Bool {
        let word = number >> 6
        guard number >= 0, word < words.count else { return false }
        return words[word] & (1 << UInt64(number & 63)) != 0
    }

    /// Adds `number`; returns false when it was already there.
    @discardableResult
    public mutating func insert(_ number: Int) -> Bool {
        precondition(number >= 0, "line numbers are not negative")
        let word = number >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        let bit: UInt64 = 1 << UInt64(number & 63)
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        maximum = max(maximum, number)
        return true
    }
}
