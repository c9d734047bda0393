/// Number words after a value (`4 million`, `2.5\text{ billion}`), unit words written without a
/// space (`9weeks`) and products written with spaces (`2^6 3^5`).
extension Parser {
    /// Words that scale the value before them: `4 million` is 4000000, never 4.
    static let magnitudes: [String: Int] = [
        "thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12,
    ]

    /// Unit words that are units even right after a digit, where a longer unknown word would be
    /// a product of variables (`2abc`): `9weeks` is 9.
    static let gluedUnits: Set<String> = [
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "dollars", "cents", "units",
        "feet", "inches", "miles", "meters", "centimeters", "degrees", "percent",
    ]

    /// The power of ten `word` scales the value before it by, if it is a magnitude word.
    func magnitude(_ word: String) -> Int? {
        guard word.utf8.count >= 7, word.utf8.count <= 9 else { return nil }
        return Parser.magnitudes[word.lowercased()]
    }

    /// `node` times `10^exponent`, exactly.
    static func scaled(_ node: Node, by exponent: Int) throws(MathFailure) -> Node {
        .mul(node, .number(try Rational(10).power(exponent)))
    }

    /// `2^6 3^5 5^4`: a prime factorisation written with spaces for the products. A number after a
    /// space multiplies only when what came before ends with a power of a number.
    func continuesFactorisation(_ left: Node) -> Bool {
        guard currentSpaced, case .number? = current else { return false }
        var last = left
        while case .mul(_, let right) = last { last = right }
        guard case .pow(.number, .number) = last else { return false }
        return true
    }

    /// `7^{\text{th}}` after its `^`: the ordinal's suffix, not an exponent.
    mutating func skipOrdinalSuffix() -> Bool {
        let braced = at(.op(0x7B)) && at(.op(0x7D), 2)
        let suffix: Token.Kind? = braced ? peek(1) : current
        switch suffix {
        case .text(let w)?, .word(let w)?:
            guard Parser.ordinalSuffixes.contains(w) else { return false }
        default:
            return false
        }
        position += braced ? 3 : 1
        return true
    }

    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
}

extension Parser {
    /// The rest of `{n \choose k}` after `\choose`: the binomial coefficient of `upper` and `k`.
    mutating func chooseLower(_ upper: Node) throws(MathFailure) -> Node {
        let lower = try descend { p throws(MathFailure) in try p.expression() }
        try expect(.op(0x7D))
        return .binomial(upper, lower)
    }
}
