import BigInt

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// An exact rational number, reduced, with a positive denominator.
///
/// `BigInt` keeps values of up to two machine words inline, so the common case allocates nothing;
/// every result is bounded by ``Limits/maxBits``.
struct Rational: Sendable, Hashable {
    private(set) var num: BigInt
    private(set) var den: BigInt

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ value: Int) {
        num = Rational.big(value)
        den = Rational.big(1)
    }

    /// BigInt's generic integer conversion is slow across modules; small values come from a table.
    private static let smallIntegers: [BigInt] = (-1024...1024).map { BigInt($0) }

    static func big(_ value: Int) -> BigInt {
        value >= -1024 && value <= 1024 ? smallIntegers[value + 1024] : BigInt(value)
    }

    /// Reduces `n/d`; `d` must not be zero.
    init(_ n: BigInt, _ d: BigInt) throws(MathFailure) {
        guard !d.isZero else { throw .undefined }
        guard n.bitWidth <= Limits.maxBits, d.bitWidth <= Limits.maxBits else { throw .tooComplex }
        if n.isZero {
            num = Rational.big(0)
            den = Rational.big(1)
            return
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        var n = n
        var d = d
        if g != Rational.big(1) {
            n /= g
            d /= g
        }
        if d.sign == .minus {
            n.negate()
            d.negate()
        }
        num = n
        den = d
    }

    /// Euclid's algorithm, finishing in machine words; unlike the binary algorithm it takes one
    /// step when one operand is small (`1/2006!`), where Stein's needs one step per bit.
    static func gcd(_ a: BigUInt, _ b: BigUInt) -> BigInt {
        var x = a
        var y = b
        while !y.isZero {
            if x.bitWidth <= 64, y.bitWidth <= 64 {
                var p = UInt64(x)
                var q = UInt64(y)
                while q != 0 { (p, q) = (q, p % q) }
                return p <= 1024 ? big(Int(p)) : BigInt(p)
            }
            (x, y) = (y, x % y)
        }
        return BigInt(x)
    }

    var isInteger: Bool { den == Rational.big(1) }
    var isZero: Bool { num.isZero }
    var isNegative: Bool { num.sign == .minus && !num.isZero }

    /// A fraction already in lowest terms with a positive denominator; only the size is checked.
    private init(reduced n: BigInt, _ d: BigInt) throws(MathFailure) {
        guard n.bitWidth <= Limits.maxBits, d.bitWidth <= Limits.maxBits else { throw .tooComplex }
        num = n
        den = d
    }

    // The operations below use Knuth's reduced forms (TAOCP 4.5.1): their gcds involve the
    // operands, not the much larger result, so long products of small factors stay cheap.

    static func + (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        if a.isZero { return b }
        if b.isZero { return a }
        let g = gcd(a.den.magnitude, b.den.magnitude)
        if g == Rational.big(1) { return try Rational(reduced: a.num * b.den + b.num * a.den, a.den * b.den) }
        let t = a.num * (b.den / g) + b.num * (a.den / g)
        if t.isZero { return .zero }
        let g2 = gcd(t.magnitude, g.magnitude)
        return try Rational(reduced: t / g2, (a.den / g) * (b.den / g2))
    }

    static func - (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        try a + b.negated()
    }

    static func * (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        if a.isZero || b.isZero { return .zero }
        let one = Rational.big(1)
        let g1 = gcd(a.num.magnitude, b.den.magnitude)
        let g2 = gcd(b.num.magnitude, a.den.magnitude)
        // Division is the costly step; a gcd of 1 (the usual case) needs none.
        let n1 = g1 == one ? a.num : a.num / g1
        let d2 = g1 == one ? b.den : b.den / g1
        let n2 = g2 == one ? b.num : b.num / g2
        let d1 = g2 == one ? a.den : a.den / g2
        return try Rational(reduced: n1 * n2, d1 * d2)
    }

    static func / (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        guard !b.isZero else { throw .undefined }
        var inverse = b
        swap(&inverse.num, &inverse.den)
        if inverse.den.sign == .minus {
            inverse.num.negate()
            inverse.den.negate()
        }
        return try a * inverse
    }

    func negated() -> Rational {
        var r = self
        r.num.negate()
        return r
    }

    var magnitude: Rational { isNegative ? negated() : self }

    /// `self` raised to an integer power, refusing results beyond the size bounds.
    func power(_ e: Int) throws(MathFailure) -> Rational {
        if e == 0 { return .one }
        if isZero { if e < 0 { throw .undefined } else { return .zero } }
        guard abs(e) <= Limits.maxExponent else { throw .tooComplex }
        let widest = max(num.magnitude.bitWidth, den.magnitude.bitWidth)
        if widest > 1, (widest - 1) * abs(e) > Limits.maxBits { throw .tooComplex }
        let n = num.power(abs(e))
        let d = den.power(abs(e))
        if e > 0 { return try Rational(reduced: n, d) }
        return n.sign == .minus ? try Rational(reduced: -d, -n) : try Rational(reduced: d, n)
    }

    /// The exact `k`-th root when numerator and denominator are perfect powers, else nil.
    func root(_ k: Int) -> Rational? {
        guard k >= 1, k <= 64 else { return nil }
        if k == 1 { return self }
        if isNegative {
            guard k % 2 == 1, let r = negated().root(k) else { return nil }
            return r.negated()
        }
        guard let n = Rational.integerRoot(num, k), let d = Rational.integerRoot(den, k) else { return nil }
        return try? Rational(n, d)
    }

    private static func integerRoot(_ x: BigInt, _ k: Int) -> BigInt? {
        if x.isZero || x == Rational.big(1) { return x }
        if k == 2 {
            let r = x.squareRoot()
            return r * r == x ? r : nil
        }
        guard x.magnitude.bitWidth < 1000 else { return nil }
        let r = exp(log(Rational.toDouble(x, 1)) / Double(k)).rounded()
        guard r.isFinite, r < 9e15 else { return nil }
        for c in [Int(r) - 1, Int(r), Int(r) + 1] where c >= 0 {
            if BigInt(c).power(k) == x { return BigInt(c) }
        }
        return nil
    }

    /// Compares magnitudes exactly.
    static func < (a: Rational, b: Rational) -> Bool {
        a.num * b.den < b.num * a.den
    }

    /// The nearest `Double`, without overflow in the intermediate steps.
    var doubleValue: Double { Rational.toDouble(num, den) }

    static func toDouble(_ n: BigInt, _ d: BigInt) -> Double {
        if let a = Int(exactly: n), let b = Int(exactly: d), abs(a) < 1 << 53, b < 1 << 53 {
            return Double(a) / Double(b)
        }
        // Scale so that the quotient keeps 62 significant bits, then shift the exponent back.
        let shift = 62 - (n.magnitude.bitWidth - d.magnitude.bitWidth)
        let q = shift >= 0 ? (n.magnitude << shift) / d.magnitude : n.magnitude / (d.magnitude << -shift)
        let mag = Double(sign: .plus, exponent: -shift, significand: Double(UInt64(truncatingIfNeeded: q)))
        return n.sign == .minus ? -mag : mag
    }

    /// Converts a finite `Double` exactly (every finite double is a dyadic rational).
    init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        if value == 0 { self = .zero; return }
        let exponent = Int(value.exponent) - Double.significandBitCount
        let significand = BigInt(value.significandBitPattern | (1 << UInt64(Double.significandBitCount)))
        let signed = value < 0 ? -significand : significand
        guard abs(exponent) < Limits.maxBits else { return nil }
        let r = exponent >= 0
            ? try? Rational(signed << exponent, 1)
            : try? Rational(signed, BigInt(1) << -exponent)
        guard let r else { return nil }
        self = r
    }
}

