/// Why bytes are not valid JSON: what is wrong and where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based byte column of the problem within its line.
    public var column: Int
    /// What was expected or found, for a person.
    public var problem: String

    /// Locates byte `offset` of `bytes` as a line and a column.
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>, problem: String) {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        self.line = line
        column = offset - lineStart + 1
        self.problem = problem
    }

    /// "expected ':' at line 1, column 12".
    public var description: String { "\(problem) at line \(line), column \(column)" }
}

/// A strict RFC 8259 JSON reader over UTF-8 bytes: no trailing commas, no comments, no NaN, valid UTF-8,
/// no lone surrogates. It exists because Foundation's JSONDecoder costs several times the scoring of a line.
public struct JSONParser {
    /// Objects and arrays nested deeper than this are refused, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 256

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses exactly one JSON value, with optional surrounding whitespace.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        try parser.expectEnd()
        return value
    }

    /// Parses exactly one JSON value from an array of bytes.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// The members named in `keeping` of a line holding one JSON object, the others validated and skipped
    /// without being built; nil for valid JSON that is not an object.
    public static func object(_ bytes: UnsafeBufferPointer<UInt8>, keeping keys: Set<String>) throws(JSONSyntaxError) -> JSONObject? {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        guard parser.peek == UInt8(ascii: "{") else {
            _ = try parse(bytes)
            return nil
        }
        var members: [(key: String, value: JSONValue)] = []
        try parser.members(depth: 0) { (key, parser) throws(JSONSyntaxError) in
            if keys.contains(key) {
                members.append((key, try parser.value(depth: 1)))
            } else {
                try parser.skipValue(depth: 1)
            }
        }
        try parser.expectEnd()
        return JSONObject(members)
    }

    /// The byte ranges of the elements of the array under `key` in a top-level object (nil when absent),
    /// so results can be copied out verbatim; the rest of the document is validated and skipped.
    public static func elementRanges(ofArray key: String, in bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> [Range<Int>]? {
        var parser = JSONParser(bytes)
        var ranges: [Range<Int>]?
        parser.skipWhitespace()
        guard parser.peek == UInt8(ascii: "{") else { throw parser.error("expected an object") }
        try parser.members(depth: 0) { (name, parser) throws(JSONSyntaxError) in
            guard name == key, ranges == nil, parser.peek == UInt8(ascii: "[") else { return try parser.skipValue(depth: 1) }
            var found: [Range<Int>] = []
            try parser.elements(depth: 1) { (parser) throws(JSONSyntaxError) in
                let start = parser.index
                try parser.skipValue(depth: 2)
                found.append(start..<parser.index)
            }
            ranges = found
        }
        try parser.expectEnd()
        return ranges
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func error(_ problem: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? index, in: bytes, problem: problem)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the JSON value") }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek else { throw error("expected a value, found the end of the line") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"):
            var members: [(key: String, value: JSONValue)] = []
            try self.members(depth: depth) { (key, parser) throws(JSONSyntaxError) in
                members.append((key, try parser.value(depth: depth + 1)))
            }
            return .object(JSONObject(members))
        case UInt8(ascii: "["):
            var values: [JSONValue] = []
            try elements(depth: depth) { (parser) throws(JSONSyntaxError) in values.append(try parser.value(depth: depth + 1)) }
            return .array(values)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    /// Validates and steps over one value without building it.
    mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard let byte = peek else { throw error("expected a value, found the end of the line") }
        switch byte {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try members(depth: depth) { (_, parser) throws(JSONSyntaxError) in try parser.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try elements(depth: depth) { (parser) throws(JSONSyntaxError) in try parser.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    /// Reads `{ "key": value, ... }`, handing each key to `member`, which must consume the value.
    mutating func members(depth: Int, _ member: (String, inout JSONParser) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") { index += 1; return }
        while true {
            guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try string()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipWhitespace()
            try member(key, &self)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "}"): index += 1; return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    /// Reads `[ value, ... ]`, calling `element` to consume each value.
    mutating func elements(depth: Int, _ element: (inout JSONParser) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1; skipWhitespace()
            case UInt8(ascii: "]"): index += 1; return
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count,
            word.withUTF8Buffer({ $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<index + length])) })
        else { throw error("expected a value") }
        index += length
    }
}
