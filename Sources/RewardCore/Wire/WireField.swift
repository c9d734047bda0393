/// Typed reads of one member of a JSON object, each failure a `RewardError` naming the field.
enum WireField {
    /// The member unless it is missing or null, which both mean "not given".
    static func present(_ object: JSONObject, _ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    static func wrongType(_ key: String, _ expected: String) -> RewardError {
        RewardError(code: .wrongType, message: "\(key) must be \(expected)", field: key)
    }

    static func string(_ object: JSONObject, _ key: String) throws(RewardError) -> String? {
        try string(present(object, key), key)
    }

    /// The string in `value` (nil when not given), or the error naming `key`.
    static func string(_ value: JSONValue?, _ key: String) throws(RewardError) -> String? {
        guard let value else { return nil }
        guard let text = value.string else { throw wrongType(key, "a string") }
        return text
    }

    static func bool(_ object: JSONObject, _ key: String) throws(RewardError) -> Bool? {
        try bool(present(object, key), key)
    }

    static func bool(_ value: JSONValue?, _ key: String) throws(RewardError) -> Bool? {
        guard let value else { return nil }
        guard let flag = value.bool else { throw wrongType(key, "true or false") }
        return flag
    }

    static func strings(_ object: JSONObject, _ key: String) throws(RewardError) -> [String]? {
        try strings(present(object, key), key)
    }

    static func strings(_ value: JSONValue?, _ key: String) throws(RewardError) -> [String]? {
        guard let value else { return nil }
        guard case .array(let items) = value else { throw wrongType(key, "a list of strings") }
        var texts: [String] = []
        texts.reserveCapacity(items.count)
        for item in items {
            guard let text = item.string else { throw wrongType(key, "a list of strings") }
            texts.append(text)
        }
        return texts
    }

    static func number(_ object: JSONObject, _ key: String, in range: ClosedRange<Double>) throws(RewardError) -> Double? {
        try number(present(object, key), key, in: range)
    }

    static func number(_ value: JSONValue?, _ key: String, in range: ClosedRange<Double>) throws(RewardError) -> Double? {
        guard let value else { return nil }
        guard let number = value.double else { throw wrongType(key, "a number") }
        guard number.isFinite, range.contains(number) else {
            throw RewardError(code: .outOfRange, message: "\(key) must be between \(range.lowerBound) and \(range.upperBound)", field: key)
        }
        return number
    }

    /// A string or a number as text; integers keep their digits, other numbers print as Swift's `Double`.
    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.integer.map { String($0) } ?? "\(number.double)"
        default: nil
        }
    }

    static func scalarText(_ object: JSONObject, _ key: String) throws(RewardError) -> String? {
        try scalarText(present(object, key), key)
    }

    static func scalarText(_ value: JSONValue?, _ key: String) throws(RewardError) -> String? {
        guard let value else { return nil }
        guard let text = scalar(value) else { throw wrongType(key, "a string or a number") }
        return text
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ object: JSONObject, _ key: String) throws(RewardError) -> T?
    where T.RawValue == String {
        try choice(type, present(object, key), key)
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ value: JSONValue?, _ key: String) throws(RewardError) -> T?
    where T.RawValue == String {
        guard let text = try string(value, key) else { return nil }
        guard let choice = T(rawValue: text) else {
            let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw RewardError(code: .invalidValue, message: "\(key) must be one of \(allowed), not '\(text)'", field: key)
        }
        return choice
    }
}

/// Suggests the field a misspelt name was meant to be (`groundtruth` -> `ground_truth`).
enum FieldSpelling {
    /// The closest of `names` within a small edit distance (ignoring case, `_` and `-`), if any.
    static func closest(to name: String, among names: some Collection<String>) -> String? {
        let wanted = normalized(name)
        var best: (name: String, distance: Int)?
        for candidate in names {
            let distance = editDistance(wanted, normalized(candidate))
            let allowed = max(1, min(3, candidate.count / 3))
            if distance <= allowed, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    static func normalized(_ name: String) -> [UInt8] {
        Array(name.lowercased().utf8.filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") }.prefix(64))
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
