import BigInt

/// Counting and divisibility written as functions: `\gcd(12, 18)`, `\operatorname{lcm}(4, 6)`,
/// `C(6, 2)`, `P(6, 2)`, `{}_6C_2`, `{}_{6}P_{2}`.
extension Parser {
    static let divisorFunctions: Set<String> = ["gcd", "lcm", "GCD", "LCM"]

    /// Whether `name` followed by `(` is a gcd or lcm here.
    func isDivisorCall(_ name: String) -> Bool {
        at(.op(0x28)) && Parser.divisorFunctions.contains(name)
    }

    /// `gcd(a, b, ...)` or `lcm(a, b, ...)` of integer literals after its name, as the number it is.
    /// Anything but integers inside is no answer this checker judges.
    mutating func divisorCall(_ name: String) throws(MathFailure) -> Node {
        try expect(.op(0x28))
        let inner = try descend { p throws(MathFailure) in try p.list(closers: ListEnd(Token.code(of: .op(0x29)))) }
        try expect(.op(0x29))
        let items: [Node] = if case .list(let all) = inner.node, !inner.lone { all } else { [inner.node] }
        guard items.count >= 2 else { throw .unparseable }
        let lcm = name.utf8.first == 0x6C || name.utf8.first == 0x4C
        var result = BigInt(lcm ? 1 : 0)
        for item in items {
            guard let n = Parser.integerLiteral(item) else { throw .unparseable }
            let g = result.greatestCommonDivisor(with: n)
            if lcm {
                guard !n.isZero else { return .number(.zero) }
                result = (result / g * n).magnitude.asSigned
                guard result.bitWidth <= Limits.maxBits else { throw .tooComplex }
            } else {
                result = g
            }
        }
        return .number(try Rational(result, 1))
    }

    static func integerLiteral(_ node: Node) -> BigInt? {
        switch node {
        case .number(let r) where r.isInteger: r.num
        case .neg(.number(let r)) where r.isInteger: -r.num
        default: nil
        }
    }

    /// `C(6, 2)` and `P(6, 2)`: two integer literals in parentheses right after the capital letter.
    /// (A point named `C` at `(6, 2)` was never its coordinates alone: a name times a pair is no answer.)
    func isCountingCall(_ letter: UInt8) -> Bool {
        guard letter == 0x43 || letter == 0x50, at(.op(0x28)), case .number(_, true)? = peek(1),
              at(.op(0x2C), 2), case .number(_, true)? = peek(3), at(.op(0x29), 4) else { return false }
        return true
    }

    /// Reads `(n, k)` after `C` or `P`.
    mutating func countingCall(_ letter: UInt8) -> Node {
        guard case .number(let n, _)? = peek(1), case .number(let k, _)? = peek(3) else { return .symbol("?") }
        position += 5
        return Parser.counting(letter, .number(n), .number(k))
    }

    /// `{}_6C_2`, `_6C_2`, `{}_{6}P_{2}` from the `_` on: the prefix subscript is `n`, the suffix `k`.
    mutating func prefixCounting() throws(MathFailure) -> Node {
        try expect(.op(0x5F))
        let n = try argument()
        guard case .letter(let l)? = current, l == 0x43 || l == 0x50 else { throw .unparseable }
        advance()
        try expect(.op(0x5F))
        return Parser.counting(l, n, try argument())
    }

    /// `C`: the binomial coefficient; `P`: the number of arrangements, `n! / (n-k)!`.
    static func counting(_ letter: UInt8, _ n: Node, _ k: Node) -> Node {
        letter == 0x43 ? .binomial(n, k) : .div(.call(.factorial, n), .call(.factorial, .sub(n, k)))
    }
}

private extension BigUInt {
    var asSigned: BigInt { BigInt(self) }
}
