extension JSONWriter {
    /// Appends `,"key":value` (no comma for the first member of an object).
    public mutating func member(_ key: String, _ value: Int, first: Bool = false) {
        comma(!first)
        self.key(key)
        number(value)
    }

    /// Appends `,"key":value` with a number or null.
    public mutating func member(_ key: String, _ value: Double?, first: Bool = false) {
        comma(!first)
        self.key(key)
        number(value)
    }

    /// Appends `,"key":` before a nested value.
    public mutating func memberKey(_ key: String, first: Bool = false) {
        comma(!first)
        self.key(key)
    }

    /// Appends a whole object of integer members.
    public mutating func object(_ members: KeyValuePairs<String, Int>) {
        raw("{")
        for (offset, member) in members.enumerated() { self.member(member.key, member.value, first: offset == 0) }
        raw("}")
    }
}
