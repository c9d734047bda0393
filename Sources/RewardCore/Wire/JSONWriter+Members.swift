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

extension JSONWriter {
    /// Appends any JSON value compactly; integers keep their digits.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): bool(flag)
        case .number(let number):
            if let integer = number.integer { self.number(integer) } else { self.number(number.double) }
        case .string(let text): string(text)
        case .array(let items):
            raw("[")
            for (offset, item) in items.enumerated() {
                comma(offset > 0)
                self.value(item)
            }
            raw("]")
        case .object(let object):
            raw("{")
            for (offset, member) in object.members.enumerated() {
                memberKey(member.key, first: offset == 0)
                self.value(member.value)
            }
            raw("}")
        }
    }
}
