/// A map from symbol names to values for the handful of names one answer has: searched in order
/// while small (a short string compares in a few instructions, a hash costs a hundred), hashed
/// once it grows past ``linearLimit``.
struct NameMap<Value> {
    private var keys: [String] = []
    private var values: [Value] = []
    private var hashed: [String: Value]?
    /// The most names searched in order.
    static var linearLimit: Int { 16 }

    init() {}

    /// The value for `name`; setting nil removes it.
    subscript(name: String) -> Value? {
        get {
            if let hashed { return hashed[name] }
            for i in keys.indices where keys[i] == name { return values[i] }
            return nil
        }
        set {
            if hashed != nil {
                hashed![name] = newValue
            } else if let i = keys.firstIndex(of: name) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(name)
                values.append(newValue)
                if keys.count > Self.linearLimit {
                    hashed = Dictionary(uniqueKeysWithValues: zip(keys, values))
                    keys = []
                    values = []
                }
            }
        }
    }

    var isEmpty: Bool { hashed?.isEmpty ?? keys.isEmpty }

    /// The names held, in no promised order.
    var names: [String] { hashed.map { Array($0.keys) } ?? keys }

    mutating func removeAll(keepingCapacity keep: Bool) {
        keys.removeAll(keepingCapacity: keep)
        values.removeAll(keepingCapacity: keep)
        hashed = nil
    }
}

/// The free symbols of an answer, a set on ``NameMap``.
struct SymbolNames: Sequence {
    private var map = NameMap<Bool>()

    var isEmpty: Bool { map.isEmpty }

    func contains(_ name: String) -> Bool { map[name] != nil }

    mutating func insert(_ name: String) {
        if map[name] == nil { map[name] = true }
    }

    mutating func remove(_ name: String) { map[name] = nil }

    mutating func formUnion(_ other: SymbolNames) {
        for name in other { insert(name) }
    }

    func makeIterator() -> IndexingIterator<[String]> { map.names.makeIterator() }
}
