/// A JSON value read by `JSONParser`: what rescore needs from rollout and result lines.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in the order written.
    case object(JSONObject)

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The string, if this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as a Double, if this is one.
    public var double: Double? {
        if case .number(let value) = self { return value.double }
        return nil
    }

    /// The number as an exact integer, if it is one.
    public var integer: Int? {
        if case .number(let value) = self { return value.integer }
        return nil
    }

    /// The boolean, if this is one.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// True for `null`.
    public var isNull: Bool { self == .null }
}

/// A JSON number: its Double value and, when it is integral and fits, its exact Int value.
public struct JSONNumber: Sendable, Equatable {
    /// The value as a Double.
    public var double: Double
    /// The exact integer, for integer literals that fit in Int and integral values such as `3.0` or `1e2`.
    public var integer: Int?

    /// Creates a number.
    public init(double: Double, integer: Int?) {
        self.double = double
        self.integer = integer
    }
}

/// A JSON object's members in the order written; lookups see the first of duplicate keys, as JSONDecoder does.
public struct JSONObject: Sendable, Equatable {
    /// The members in order.
    public var members: [(key: String, value: JSONValue)]

    /// Creates an object.
    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    /// The first member named `key`.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// Compares members in order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
