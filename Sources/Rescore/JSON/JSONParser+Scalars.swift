extension JSONParser {
    /// Reads a string; the fast path copies an escape-free run once, validating its UTF-8.
    mutating func string() throws(JSONSyntaxError) -> String {
        let start = index + 1
        index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard let text = String(validating: run, as: UTF8.self) else {
                    index = start
                    throw error("invalid UTF-8 in a string")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        try unescapedTail()
        guard let text = String(validating: scratch, as: UTF8.self) else {
            index = start
            throw error("invalid UTF-8 in a string")
        }
        return text
    }

    /// Validates and steps over a string.
    mutating func skipString() throws(JSONSyntaxError) {
        _ = try string()
    }

    /// Appends the rest of a string to `scratch`, decoding escapes, and steps past the closing quote.
    private mutating func unescapedTail() throws(JSONSyntaxError) {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                try escape()
            case ..<0x20:
                throw error("unescaped control character in a string")
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func escape() throws(JSONSyntaxError) {
        guard index + 1 < bytes.count else { throw error("unterminated string") }
        let code = bytes[index + 1]
        let simple: UInt8? = switch code {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            scratch.append(simple)
            index += 2
            return
        }
        guard code == UInt8(ascii: "u") else { throw error("invalid escape in a string") }
        var scalar = try hexQuad(at: index + 2)
        index += 6
        if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate in a \\u escape")
            }
            let low = try hexQuad(at: index + 2)
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw error("unpaired surrogate in a \\u escape")
        }
        scratch.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    private func hexQuad(at start: Int) throws(JSONSyntaxError) -> UInt32 {
        guard start + 4 <= bytes.count else { throw error("unterminated \\u escape") }
        var value: UInt32 = 0
        for offset in start..<start + 4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(column: offset + 1, problem: "invalid hex digit in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Reads a number per the JSON grammar; an integral value that fits gets its exact `Int`, as JSONDecoder gives.
    mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else { throw error("expected a value") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        var integral = true
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek, isDigit(digit) else { throw error("expected a digit after '.'") }
            skipDigits()
            integral = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek, isDigit(digit) else { throw error("expected a digit in the exponent") }
            skipDigits()
            integral = false
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if integral, text.count <= 18 {
            var value = 0
            for byte in text where byte != UInt8(ascii: "-") { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            guard text.first == UInt8(ascii: "-") else { return JSONNumber(double: Double(value), integer: value) }
            return JSONNumber(double: value == 0 ? -0.0 : -Double(value), integer: -value)
        }
        let string = String(decoding: text, as: UTF8.self)
        guard let double = Double(string), double.isFinite else {
            index = start
            throw error("number out of range")
        }
        return JSONNumber(double: double, integer: integral ? Int(string) : Int(exactly: double))
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while let byte = peek, isDigit(byte) { index += 1 }
    }
}
