/// A fixed table from short ASCII names to values, looked up by the name's bytes: no `String` is
/// made and no SipHash is run for the lookup, which a lexer does once per LaTeX command.
struct NameTable<Value: Sendable>: Sendable {
    private let keys: [[UInt8]]
    private let values: [Value?]
    private let mask: Int

    /// A table holding `entries`; a later entry for the same name replaces an earlier one.
    init(_ entries: [(String, Value)]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        var keys = [[UInt8]](repeating: [], count: size)
        var values = [Value?](repeating: nil, count: size)
        for (name, value) in entries {
            let bytes = Array(name.utf8)
            var slot = NameTable.hash(bytes[...]) & (size - 1)
            while values[slot] != nil, keys[slot] != bytes { slot = (slot + 1) & (size - 1) }
            keys[slot] = bytes
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    /// The value stored for the name spelled by the bytes `name` (a slice, or a string's `utf8`), if any.
    subscript<Bytes: Collection<UInt8>>(name: Bytes) -> Value? {
        var slot = NameTable.hash(name) & mask
        while let value = values[slot] {
            if keys[slot].elementsEqual(name) { return value }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// FNV-1a over the bytes: a few instructions a byte, enough to spread a few dozen names.
    private static func hash<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
