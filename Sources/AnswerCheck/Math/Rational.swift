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
/// A value whose numerator and denominator fit a machine word (nearly every value an answer
/// holds) is stored and computed in machine words: no allocation, no reference counting, no
/// `BigInt` call. A result that would overflow moves to `BigInt`s, and one that fits again moves
/// back, so each value has one representation. Every result is bounded by ``Limits/maxBits``.
struct Rational: Sendable, Hashable {
    private enum Storage: Sendable, Hashable {
        /// Lowest terms, `den > 0`, neither part `Int.min` (so every negation fits).
        case small(num: Int, den: Int)
        /// Lowest terms, positive denominator, at least one part outside the small range.
        indirect case large(num: BigInt, den: BigInt)
    }

    private var storage: Storage

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ value: Int) {
        storage = value == .min ? .large(num: BigInt(value), den: 1) : .small(num: value, den: 1)
    }

    /// `n/d` reduced; `d` must not be zero.
    init(_ n: Int, _ d: Int) throws(MathFailure) {
        guard d != 0 else { throw .undefined }
        guard n != .min, d != .min else {
            try self.init(BigInt(n), BigInt(d))
            return
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        let sign = d < 0 ? -1 : 1
        self.init(storage: .small(num: sign * n / Int(g), den: sign * d / Int(g)))
    }

    /// Reduces `n/d`; `d` must not be zero.
    init(_ n: BigInt, _ d: BigInt) throws(MathFailure) {
        guard !d.isZero else { throw .undefined }
        guard n.bitWidth <= Limits.maxBits, d.bitWidth <= Limits.maxBits else { throw .tooComplex }
        if n.isZero {
            self = .zero
            return
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        var n = n
        var d = d
        if g != 1 {
            n /= g
            d /= g
        }
        if d.sign == .minus {
            n.negate()
            d.negate()
        }
        self.init(reducedBig: n, d)
    }

    /// A fraction already in lowest terms with a positive denominator, stored small when it fits.
    private init(reducedBig n: BigInt, _ d: BigInt) {
        if let a = Int(exactly: n), let b = Int(exactly: d), a != .min, b != .min {
            storage = .small(num: a, den: b)
        } else {
            storage = .large(num: n, den: d)
        }
    }

    /// The same, with the size bound checked.
    private init(reduced n: BigInt, _ d: BigInt) throws(MathFailure) {
        guard n.bitWidth <= Limits.maxBits, d.bitWidth <= Limits.maxBits else { throw .tooComplex }
        self.init(reducedBig: n, d)
    }

    /// The numerator (negative for a negative value).
    var num: BigInt {
        switch storage {
        case .small(let n, _): Rational.big(n)
        case .large(let n, _): n
        }
    }

    /// The denominator, always positive.
    var den: BigInt {
        switch storage {
        case .small(_, let d): Rational.big(d)
        case .large(_, let d): d
        }
    }

    /// The value as a machine word when it is an integer that fits one.
    var integer: Int? {
        if case .small(let n, 1) = storage { return n }
        return nil
    }

    /// The bits of the wider of numerator and denominator (sign not counted).
    var bitWidth: Int {
        switch storage {
        case .small(let n, let d): Int.bitWidth - min(n.magnitude.leadingZeroBitCount, d.leadingZeroBitCount)
        case .large(let n, let d): max(n.magnitude.bitWidth, d.magnitude.bitWidth)
        }
    }

    /// BigInt's generic integer conversion goes through an array of words; small values come from
    /// a table instead.
    private static let smallIntegers: [BigInt] = (-1024...1024).map { BigInt($0) }

    private static func big(_ value: Int) -> BigInt {
        value >= -1024 && value <= 1024 ? smallIntegers[value + 1024] : BigInt(value)
    }

    /// Numerator and denominator when both fit a machine word.
    var small: (num: Int, den: Int)? {
        if case .small(let n, let d) = storage { return (n, d) }
        return nil
    }

    /// Euclid's algorithm, finishing in machine words; unlike the binary algorithm it takes one
    /// step when one operand is small (`1/2006!`) or divides the other (`2006!` by `2004!`), where
    /// Stein's needs one step per bit. When 16 of its steps leave two operands still over 1024
    /// bits, the rest goes to Stein's algorithm: each of its steps shifts and subtracts in place,
    /// where each of Euclid's is a division that copies both (two 15k-bit fractions: 86 -> 23 ms).
    static func gcd(_ a: BigUInt, _ b: BigUInt) -> BigInt {
        var x = a
        var y = b
        var divisions = 0
        while !y.isZero {
            if x.bitWidth <= 64, y.bitWidth <= 64 {
                return BigInt(gcd(UInt(x), UInt(y)))
            }
            if divisions >= 16, y.bitWidth > 1024 {
                return BigInt(x.greatestCommonDivisor(with: y))
            }
            (x, y) = (y, x % y)
            divisions += 1
        }
        return BigInt(x)
    }

    /// Stein's binary algorithm on machine words.
    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var x = a >> a.trailingZeroBitCount
        var y = b
        repeat {
            y >>= y.trailingZeroBitCount
            if x > y { swap(&x, &y) }
            y -= x
        } while y != 0
        return x << shift
    }

    var isInteger: Bool {
        switch storage {
        case .small(_, let d): d == 1
        case .large(_, let d): d == 1
        }
    }

    var isZero: Bool {
        if case .small(let n, _) = storage { return n == 0 }
        return false
    }

    var isNegative: Bool {
        switch storage {
        case .small(let n, _): n < 0
        case .large(let n, _): n.sign == .minus
        }
    }

    // The operations below use Knuth's reduced forms (TAOCP 4.5.1): their gcds involve the
    // operands, not the much larger result, so long products of small factors stay cheap. Each
    // tries machine words first; `nil` from a word step means an overflow, and the same
    // operation is then done in `BigInt`s.

    static func + (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        if a.isZero { return b }
        if b.isZero { return a }
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage,
           let sum = smallSum(an, ad, bn, bd) {
            return sum
        }
        let (an, ad, bn, bd) = (a.num, a.den, b.num, b.den)
        let g = gcd(ad.magnitude, bd.magnitude)
        if g == 1 { return try Rational(reduced: an * bd + bn * ad, ad * bd) }
        let t = an * (bd / g) + bn * (ad / g)
        if t.isZero { return .zero }
        let g2 = gcd(t.magnitude, g.magnitude)
        return try Rational(reduced: t / g2, (ad / g) * (bd / g2))
    }

    private static func smallSum(_ an: Int, _ ad: Int, _ bn: Int, _ bd: Int) -> Rational? {
        let g = Int(gcd(UInt(ad), UInt(bd)))
        let (bdg, adg) = (bd / g, ad / g)
        let (x, o1) = an.multipliedReportingOverflow(by: bdg)
        let (y, o2) = bn.multipliedReportingOverflow(by: adg)
        let (t, o3) = x.addingReportingOverflow(y)
        guard !o1, !o2, !o3, t != .min else { return nil }
        if t == 0 { return .zero }
        let g2 = g == 1 ? 1 : Int(gcd(t.magnitude, UInt(g)))
        let (d, o4) = adg.multipliedReportingOverflow(by: bd / g2)
        guard !o4, d != .min else { return nil }
        return Rational(storage: .small(num: t / g2, den: d))
    }

    static func - (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        try a + b.negated()
    }

    static func * (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        if a.isZero || b.isZero { return .zero }
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            let g1 = Int(gcd(an.magnitude, UInt(bd)))
            let g2 = Int(gcd(bn.magnitude, UInt(ad)))
            let (n, o1) = (an / g1).multipliedReportingOverflow(by: bn / g2)
            let (d, o2) = (ad / g2).multipliedReportingOverflow(by: bd / g1)
            if !o1, !o2, n != .min, d != .min { return Rational(storage: .small(num: n, den: d)) }
        }
        let (an, ad, bn, bd) = (a.num, a.den, b.num, b.den)
        let g1 = gcd(an.magnitude, bd.magnitude)
        let g2 = gcd(bn.magnitude, ad.magnitude)
        // Division is the costly step; a gcd of 1 (the usual case) needs none.
        let n1 = g1 == 1 ? an : an / g1
        let d2 = g1 == 1 ? bd : bd / g1
        let n2 = g2 == 1 ? bn : bn / g2
        let d1 = g2 == 1 ? ad : ad / g2
        return try Rational(reduced: n1 * n2, d1 * d2)
    }

    static func / (a: Rational, b: Rational) throws(MathFailure) -> Rational {
        guard !b.isZero else { throw .undefined }
        return try a * b.inverse
    }

    /// `1/self`; `self` must not be zero.
    private var inverse: Rational {
        switch storage {
        case .small(let n, let d):
            return Rational(storage: n < 0 ? .small(num: -d, den: -n) : .small(num: d, den: n))
        case .large(let n, let d):
            return n.sign == .minus ? Rational(reducedBig: -d, -n) : Rational(reducedBig: d, n)
        }
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    func negated() -> Rational {
        switch storage {
        case .small(let n, let d): Rational(storage: .small(num: -n, den: d))
        case .large(let n, let d): Rational(reducedBig: -n, d)
        }
    }

    var magnitude: Rational { isNegative ? negated() : self }

    /// `self` raised to an integer power, refusing results beyond the size bounds.
    func power(_ e: Int) throws(MathFailure) -> Rational {
        if e == 0 { return .one }
        if isZero { if e < 0 { throw .undefined } else { return .zero } }
        guard abs(e) <= Limits.maxExponent else { throw .tooComplex }
        if e < 0 { return try inverse.power(-e) }
        if case .small(let n, let d) = storage, let r = Rational.smallPower(n, d, e) { return r }
        let widest = max(num.magnitude.bitWidth, den.magnitude.bitWidth)
        if widest > 1, (widest - 1) * e > Limits.maxBits { throw .tooComplex }
        return try Rational(reduced: num.power(e), den.power(e))
    }

    /// `(n/d)^e` by squaring in machine words; nil on overflow.
    private static func smallPower(_ n: Int, _ d: Int, _ e: Int) -> Rational? {
        guard e < 64 || n.magnitude <= 1 && d == 1 else { return nil }
        var (rn, rd, bn, bd, k) = (1, 1, n, d, e)
        while true {
            if k & 1 == 1 {
                let (x, o1) = rn.multipliedReportingOverflow(by: bn)
                let (y, o2) = rd.multipliedReportingOverflow(by: bd)
                guard !o1, !o2, x != .min else { return nil }
                (rn, rd) = (x, y)
            }
            k >>= 1
            if k == 0 { return Rational(storage: .small(num: rn, den: rd)) }
            let (x, o1) = bn.multipliedReportingOverflow(by: bn)
            let (y, o2) = bd.multipliedReportingOverflow(by: bd)
            guard !o1, !o2 else { return nil }
            (bn, bd) = (x, y)
        }
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
        if x.isZero || x == 1 { return x }
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

    /// Compares exactly.
    static func < (a: Rational, b: Rational) -> Bool {
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage {
            let x = an.multipliedFullWidth(by: bd)
            let y = bn.multipliedFullWidth(by: ad)
            return x.high < y.high || x.high == y.high && x.low < y.low
        }
        return a.num * b.den < b.num * a.den
    }

    /// The nearest `Double`, without overflow in the intermediate steps.
    var doubleValue: Double {
        if case .small(let n, let d) = storage, n.magnitude < 1 << 53, d < 1 << 53 {
            return Double(n) / Double(d)
        }
        return Rational.toDouble(num, den)
    }

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
