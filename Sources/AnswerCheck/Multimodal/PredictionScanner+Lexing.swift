extension PredictionScanner {
    /// Longest number token read as written; longer digit runs become infinity for the guards to refuse.
    static let maxNumberLength = 40

    /// The number starting at `start` and the index after it, or nil when none starts there.
    /// Digits inside a word (`x1`, `bbox_2d`, `H2O`) are not numbers.
    func readNumber(_ bytes: [UInt8], at start: Int) -> (Double, Int)? {
        var index = start
        if start > 0, Self.isWordByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") { return nil }
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            // A sign only after a separator: in `12-20` the dash separates two numbers.
            if start > 0, Self.isDigit(bytes[start - 1]) { return nil }
            index += 1
        }
        let digitsStart = index
        index = Self.skipDigits(bytes, from: index)
        if readsThousands, index > digitsStart, index - digitsStart <= 3 {
            while index < bytes.count, bytes[index] == UInt8(ascii: ","), Self.skipDigits(bytes, from: index + 1) == index + 4 {
                index += 4
            }
        }
        let integerEnd = index
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), Self.isDigit(bytes[index + 1]) {
            index = Self.skipDigits(bytes, from: index + 1)
        }
        guard index > digitsStart, Self.isDigit(bytes[digitsStart]) || index - digitsStart > 1 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "-") || bytes[exponent] == UInt8(ascii: "+") { exponent += 1 }
            let exponentEnd = Self.skipDigits(bytes, from: exponent)
            if exponentEnd > exponent { index = exponentEnd }
        }
        var value = Self.value(of: bytes[start..<index])
        // Only a plain integer can open a timestamp: `1:02:03.5`, never `1.5:20`.
        if readsTimestamps, integerEnd == index {
            (value, index) = readTimestamp(bytes, startingWith: value, at: index)
        }
        return (value, index)
    }

    /// Continues `12:34` or `1:02:03.5` after its first part, as seconds.
    private func readTimestamp(_ bytes: [UInt8], startingWith first: Double, at start: Int) -> (Double, Int) {
        var value = first
        var index = start
        var parts = 1
        while parts < 3, index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"), Self.isDigit(bytes[index + 1]) {
            var end = Self.skipDigits(bytes, from: index + 1)
            if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), Self.isDigit(bytes[end + 1]) {
                end = Self.skipDigits(bytes, from: end + 1)
            }
            value = value * 60 + Self.value(of: bytes[(index + 1)..<end])
            index = end
            parts += 1
        }
        return (value, index)
    }

    static func value(of token: ArraySlice<UInt8>) -> Double {
        guard token.count <= maxNumberLength else { return .infinity }
        if let exact = fastValue(of: token) { return exact }
        return Double(String(decoding: token.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)) ?? .nan
    }

    /// A plain decimal (`-12.5`, `1,000`) of at most 15 significant digits without allocating: the
    /// digits as an exact integer divided by an exact power of ten, which rounds correctly.
    static func fastValue(of token: ArraySlice<UInt8>) -> Double? {
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        var negative = false
        for (offset, byte) in zip(token.indices, token) {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if inFraction { fractionDigits += 1 }
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "-") where offset == token.startIndex: negative = true
            case UInt8(ascii: "+") where offset == token.startIndex: continue
            default: return nil
            }
            if digits > 15 { return nil }
        }
        let value = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -value : value
    }

    static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    /// The string opening at `start` (a quote) and the index after its closing quote; nil if never closed.
    static func readString(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var index = start + 1
        var content: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                return (String(decoding: content, as: UTF8.self), index + 1)
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
            }
            // Labels are short; a long string is still skipped but not kept.
            if content.count < 256 { content.append(bytes[index]) }
            index += 1
        }
        return nil
    }

    static func nextNonSpace(_ bytes: [UInt8], from start: Int) -> UInt8? {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index < bytes.count ? bytes[index] : nil
    }

    static func skipDigits(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index
    }

    static func wordEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, isWordByte(bytes[index]) || isDigit(bytes[index]) { index += 1 }
        return index
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Letters, underscore and any non-ASCII byte: what a word is made of.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
