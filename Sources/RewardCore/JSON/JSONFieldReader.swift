import Foundation

/// Any JSON object key.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reads one JSON object's fields, turning type mismatches into `RewardError`s that name the field.
struct JSONFieldReader {
    let container: KeyedDecodingContainer<AnyKey>

    init(_ decoder: any Decoder, what: String) throws(RewardError) {
        do {
            container = try decoder.container(keyedBy: AnyKey.self)
        } catch {
            throw RewardError(code: "wrong_type", message: "\(what) must be a JSON object")
        }
    }

    func isPresent(_ key: String) -> Bool {
        guard container.contains(AnyKey(key)) else { return false }
        return (try? container.decodeNil(forKey: AnyKey(key))) == false
    }

    func value<T: Decodable>(_ type: T.Type, _ key: String, expected: String) throws(RewardError) -> T? {
        guard isPresent(key) else { return nil }
        do {
            return try container.decode(T.self, forKey: AnyKey(key))
        } catch {
            throw RewardError(code: "wrong_type", message: "\(key) must be \(expected)", field: key)
        }
    }

    func string(_ key: String) throws(RewardError) -> String? {
        try value(String.self, key, expected: "a string")
    }

    func bool(_ key: String) throws(RewardError) -> Bool? {
        try value(Bool.self, key, expected: "true or false")
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(RewardError) -> Double? {
        guard let number = try value(Double.self, key, expected: "a number") else { return nil }
        guard number.isFinite, range.contains(number) else {
            throw RewardError(code: "out_of_range", message: "\(key) must be between \(range.lowerBound) and \(range.upperBound)", field: key)
        }
        return number
    }

    func strings(_ key: String) throws(RewardError) -> [String]? {
        try value([String].self, key, expected: "a list of strings")
    }

    /// A value that may be a string or a number, as text (ids of groups, numeric ground truths).
    func scalarText(_ key: String) throws(RewardError) -> String? {
        guard isPresent(key) else { return nil }
        if let text = try? container.decode(String.self, forKey: AnyKey(key)) { return text }
        if let integer = try? container.decode(Int.self, forKey: AnyKey(key)) { return String(integer) }
        if let number = try? container.decode(Double.self, forKey: AnyKey(key)), number.isFinite { return "\(number)" }
        throw RewardError(code: "wrong_type", message: "\(key) must be a string or a number", field: key)
    }

    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ key: String) throws(RewardError) -> T? where T.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw RewardError(code: "invalid_value", message: "\(key) must be one of \(allowed), not '\(text)'", field: key)
        }
        return value
    }
}
