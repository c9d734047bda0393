extension JSONParser {
    /// Reads a string. Runs without escapes are copied in bulk, and only strings with non-ASCII bytes pay
    /// for UTF-8 validation.
    mutating func string() throws(JSONSyntaxError) -> String {
        try scanString(building: true)
    }

    /// Validates and steps over a string without building it.
    mutating func skipString() throws(JSONSyntaxError) {
        _ = try scanString(building: false)
    }

    private mutating func scanString(building: Bool) throws(JSONSyntaxError) -> String {
        let start = index + 1
        index = start
        var nonASCII = false
        var escaped = false
        var runStart = start
        while true {
            index = plainRunEnd(from: index)
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte >= 0x80 {
                nonASCII = true
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\\") {
                if !escaped {
                    scratch.removeAll(keepingCapacity: true)
                    escaped = true
                }
                if building { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                try escape()
                runStart = index
                continue
            }
            guard byte == UInt8(ascii: "\"") else { throw error("unescaped control character in a string") }
            let end = index
            index += 1
            if nonASCII, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) == nil {
                index = start
                throw error("invalid UTF-8 in a string")
            }
            guard building else { return "" }
            guard escaped else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
            return String(decoding: scratch, as: UTF8.self)
        }
    }

    /// The index of the first byte from `start` that ends a plain run: a quote, a backslash, a control
    /// character or a non-ASCII byte; sixteen bytes at a time where none of them is one (responses are
    /// kilobytes long, and this loop was the largest single cost of reading a rollout).
    private func plainRunEnd(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C)
        let space = SIMD16<UInt8>(repeating: 0x20)
        let high = SIMD16<UInt8>(repeating: 0x80)
        var position = start
        while position + 16 <= bytes.count {
            let chunk = UnsafeRawPointer(base + position).loadUnaligned(as: SIMD16<UInt8>.self)
            let special = (chunk .== quote) .| (chunk .== backslash) .| (chunk .< space) .| (chunk .>= high)
            // As two words rather than `any(special)`, which compiles to a long horizontal reduction.
            let marks = unsafeBitCast(SIMD16<UInt8>(repeating: 0).replacing(with: 0xFF, where: special), to: SIMD2<UInt64>.self)
            let first = UInt64(littleEndian: marks[0])
            let second = UInt64(littleEndian: marks[1])
            if first != 0 { return position + first.trailingZeroBitCount / 8 }
            if second != 0 { return position + 8 + second.trailingZeroBitCount / 8 }
            position += 16
        }
        while position < bytes.count, !isRunEnd(bytes[position]) { position += 1 }
        return position
    }

    @inline(__always)
    private func isRunEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
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
        guard code == UInt8(ascii: "u") else { throw invalidEscape(code) }
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

    /// Names the escape; a LaTeX command typed into a JSON string (`\\sqrt`) is the usual cause, so say how to write it.
    private func invalidEscape(_ code: UInt8) -> JSONSyntaxError {
        guard code >= 0x20, code < 0x7F else { return error("invalid escape in a string") }
        let shown = "\\" + String(UnicodeScalar(code))
        return error("invalid escape '\(shown)' in a string (a LaTeX backslash is written \\\\ in JSON, as in \"\\\\sqrt{2}\")")
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
            default: throw error("invalid hex digit in a \\u escape", at: offset)
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
