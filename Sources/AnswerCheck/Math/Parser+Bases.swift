import BigInt

/// Numbers written in another base with a subscript: `1011_2`, `212_{3}`.
extension Parser {
    /// The value of the integer literal `digits` in the base written after it (`_2`, `_{16}`), when
    /// that base is 2 to 36 and every digit is below it; nil (nothing consumed) otherwise, so
    /// `5_a` and `19_8` stay names.
    mutating func baseSubscript(_ digits: Rational) throws(MathFailure) -> Rational? {
        var length = 2
        var base: Rational?
        if case .number(let b, true)? = peek(1) {
            base = b
        } else if at(.op(0x7B), 1), case .number(let b, true)? = peek(2), at(.op(0x7D), 3) {
            base = b
            length = 4
        }
        guard let base, base.isInteger, base >= Rational(2), base <= Rational(36), !digits.isNegative else { return nil }
        let radix = Int(base.num.description) ?? 10
        let text = digits.num.description
        guard text.utf8.allSatisfy({ Int($0) - 0x30 < radix }), let value = BigInt(text, radix: radix) else { return nil }
        position += length
        return try Rational(value, BigInt(1))
    }
}
