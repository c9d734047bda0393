import BigInt

/// Numbers written in another base with a subscript: `1011_2`, `212_{3}`, `FF_{16}`, `(1011)_2`.
extension Parser {
    /// The value of the integer literal `digits` in the base written after it (`_2`, `_{16}`), when
    /// that base is 2 to 36 and every digit is below it; nil (nothing consumed) otherwise, so
    /// `5_a` and `19_8` stay names.
    mutating func baseSubscript(_ digits: Rational) throws(MathFailure) -> Rational? {
        guard digits.isInteger, !digits.isNegative, let (radix, length) = subscriptBase(at: 0) else { return nil }
        guard let value = try Parser.value(of: digits.num.description, radix: radix) else { return nil }
        position += length
        return value
    }

    /// The base after the `_` at `offset` tokens ahead (`_2`, `_{16}`, `_{(2)}`) and the tokens it
    /// takes; nil when there is none from 2 to 36.
    func subscriptBase(at offset: Int) -> (radix: Int, length: Int)? {
        guard at(.op(0x5F), offset) else { return nil }
        var length = 2
        var base: Rational?
        if case .number(let b, true)? = peek(offset + 1) {
            base = b
        } else if at(.op(0x7B), offset + 1), case .number(let b, true)? = peek(offset + 2), at(.op(0x7D), offset + 3) {
            base = b
            length = 4
        } else if at(.op(0x7B), offset + 1), at(.op(0x28), offset + 2), case .number(let b, true)? = peek(offset + 3),
                  at(.op(0x29), offset + 4), at(.op(0x7D), offset + 5) {
            base = b
            length = 6
        }
        guard let base, base >= Rational(2), base <= Rational(36), let radix = base.integer else { return nil }
        return (radix, length)
    }

    /// `FF_{16}`, `1A_{16}`, `\text{FF}_{16}`: a run of digits and capital letters written together,
    /// whose token `first` was just read, in a base above ten. A lone letter (`F_{16}`) stays a name.
    mutating func digitRunBase(first: String) throws(MathFailure) -> Rational? {
        var digits = first
        var j = position
        while j < tokens.count, !tokens[j].spaced {
            switch tokens[j].kind {
            case .number(let v, true): digits += v.num.description
            case .letter(let l): digits += String(UnicodeScalar(l))
            case .word(let w): digits += w
            default: break
            }
            if tokens[j].code == 0x5F { break }
            guard tokens[j].code >= 0x200, tokens[j].code <= 0x202 else { return nil }
            j += 1
        }
        guard digits.utf8.count >= 2, digits.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }),
              let (radix, length) = subscriptBase(at: j - position), radix > 10,
              let value = try Parser.value(of: digits, radix: radix) else { return nil }
        position = j + length
        return value
    }

    /// `FF_{16}`, `\text{FF}_{16}`, `1A_{16}`, `F1_{16}` from the run's first token `first`, when a
    /// subscript or more of the run follows it.
    mutating func wordBase(_ first: String) throws(MathFailure) -> Rational? {
        guard position < tokens.count, !tokens[position].spaced else { return nil }
        let code = tokens[position].code
        guard code == 0x5F || code >= 0x200 && code <= 0x202 else { return nil }
        return try digitRunBase(first: first)
    }

    /// `(1011)_2`: a bracketed integer literal with a base.
    mutating func bracketedBase(_ node: Node) throws(MathFailure) -> Node {
        guard case .number(let digits) = node, at(.op(0x5F)), let value = try baseSubscript(digits) else { return node }
        return .number(value)
    }

    /// The value of `digits` (0-9, then capital letters) in `radix`; nil when a digit is not below it.
    static func value(of digits: String, radix: Int) throws(MathFailure) -> Rational? {
        func digit(_ c: UInt8) -> Int { c >= 0x41 ? Int(c) - 0x41 + 10 : Int(c) - 0x30 }
        for c in digits.utf8 {
            guard digit(c) >= 0, digit(c) < radix, c < 0x5B else { return nil }
        }
        // A value past `Limits.maxBits` is too complex anyway: say so before reading it.
        let bitsPerDigit = Int.bitWidth - (radix - 1).leadingZeroBitCount
        guard digits.utf8.count <= Limits.maxBits / max(1, bitsPerDigit - 1) else { throw .tooComplex }
        // Digit by digit, a machine word at a time, for every base (BigInt's own reader rejects base 36).
        var value = BigInt(0)
        var chunk = 0
        var scale = 1
        for c in digits.utf8 {
            chunk = chunk * radix + digit(c)
            scale *= radix
            if scale > Int.max / 36 {
                value = value * BigInt(scale) + BigInt(chunk)
                (chunk, scale) = (0, 1)
            }
        }
        return try Rational(value * BigInt(scale) + BigInt(chunk), BigInt(1))
    }
}
