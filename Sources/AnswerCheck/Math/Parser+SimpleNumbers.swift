/// The numbers most answers are, read without the lexer and the grammar: they give the same value
/// the full parse gives, at a fraction of its cost.
extension Parser {
    private static let fractionCommands = ["\\frac{", "\\dfrac{", "\\tfrac{"].map { Array($0.utf8) }

    /// The value of a whole text that is `-?d+`, `-?d+.d+`, `-?d+/d+` or `-?\frac{-?d+}{-?d+}`
    /// (also `\dfrac`, `\tfrac`), with at most 18 digits in each integer and no spaces; nil for
    /// anything else, and for a zero denominator, which the full parse reports as it always has.
    static func simpleNumber(_ text: String) -> Rational? {
        guard text.utf8.count <= 64 else { return nil }
        return text.utf8.withContiguousStorageIfAvailable(simpleNumber(in:)) ?? nil
    }

    private static func simpleNumber(in b: UnsafeBufferPointer<UInt8>) -> Rational? {
        var i = 0
        /// `-?[0-9]{1,18}` at `i`, not followed by another digit.
        func integer(signed: Bool) -> (value: Int, negative: Bool, digits: Int)? {
            var negative = false
            if signed, i < b.count, b[i] == 0x2D {
                negative = true
                i += 1
            }
            let start = i
            var value = 0
            while i < b.count, Byte.isDigit(b[i]), i - start < 18 {
                value = value * 10 + Int(b[i] - 0x30)
                i += 1
            }
            guard i > start, i == b.count || !Byte.isDigit(b[i]) else { return nil }
            return (negative ? -value : value, negative, i - start)
        }
        if b.first == 0x5C {
            guard let command = fractionCommands.first(where: { c in
                c.count <= b.count && c.indices.allSatisfy { b[$0] == c[$0] }
            }) else { return nil }
            i = command.count
            guard let n = integer(signed: true), i + 1 < b.count, b[i] == 0x7D, b[i + 1] == 0x7B else { return nil }
            i += 2
            guard let d = integer(signed: true), i + 1 == b.count, b[i] == 0x7D, d.value != 0 else { return nil }
            return try? Rational(n.value, d.value)
        }
        guard let whole = integer(signed: true) else { return nil }
        if i == b.count { return Rational(whole.value) }
        if b[i] == 0x2F {
            i += 1
            guard let d = integer(signed: false), i == b.count, d.value != 0 else { return nil }
            return try? Rational(whole.value, d.value)
        }
        guard b[i] == 0x2E else { return nil }
        i += 1
        guard let fraction = integer(signed: false), i == b.count, whole.digits + fraction.digits <= 18 else { return nil }
        var scale = 1
        for _ in 0..<fraction.digits { scale *= 10 }
        let magnitude = abs(whole.value) * scale + fraction.value
        return try? Rational(whole.negative ? -magnitude : magnitude, scale)
    }
}
