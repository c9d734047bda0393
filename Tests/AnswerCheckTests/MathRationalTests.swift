import BigInt
import Testing
@testable import AnswerCheck

/// `Rational` computes in machine words until a result overflows; these tests compare every
/// operation with the same operation written directly in `BigInt`s, on values chosen around the
/// word boundary where the two paths meet.
@Suite("Math checker: exact rationals")
struct MathRationalTests {
    /// Numerators and denominators around the places a machine word overflows.
    static let parts: [BigInt] = {
        let max = BigInt(Int.max)
        let edges: [BigInt] = [
            1, 2, 3, 7, 10, 12, 1_000_000_007, BigInt(1) << 31, BigInt(1) << 32, (BigInt(1) << 32) + 1,
            BigInt(3).power(39), BigInt(3).power(40), max, max - 1, max + 1, max + 2, BigInt(1) << 64,
            (BigInt(1) << 64) + 1, BigInt(1) << 70, BigInt(10).power(18), BigInt(10).power(19),
        ]
        return edges
    }()

    /// Every fraction of two parts, both signs.
    static let values: [(BigInt, BigInt)] = {
        var out: [(BigInt, BigInt)] = [(0, 1)]
        for n in parts { for d in parts where d.magnitude.bitWidth <= 66 { out.append((n, d)); out.append((-n, d)) } }
        return out
    }()

    /// The reference: `n/d` reduced through the BigInt initializer.
    static func reference(_ n: BigInt, _ d: BigInt) throws -> Rational { try Rational(n, d) }

    @Test("sums, differences, products and quotients equal the BigInt computation")
    func arithmetic() throws {
        let values = Self.values
        var state: UInt64 = 42
        for _ in 0..<4_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let (an, ad) = values[Int(state >> 33) % values.count]
            let (bn, bd) = values[Int(state >> 13) % values.count]
            let a = try Self.reference(an, ad)
            let b = try Self.reference(bn, bd)
            #expect(try a + b == Self.reference(an * bd + bn * ad, ad * bd), "\(an)/\(ad) + \(bn)/\(bd)")
            #expect(try a - b == Self.reference(an * bd - bn * ad, ad * bd), "\(an)/\(ad) - \(bn)/\(bd)")
            #expect(try a * b == Self.reference(an * bn, ad * bd), "\(an)/\(ad) * \(bn)/\(bd)")
            if !bn.isZero {
                #expect(try a / b == Self.reference(an * bd, ad * bn), "\(an)/\(ad) / \(bn)/\(bd)")
            }
            #expect((a < b) == (an * bd < bn * ad), "\(an)/\(ad) < \(bn)/\(bd)")
            #expect(a.num * b.den == b.num * a.den ? a == b && a.hashValue == b.hashValue : a != b)
        }
    }

    @Test("a value has one representation whichever path made it")
    func canonical() throws {
        let big = try Rational(BigInt(Int.max) + 1, 1)
        let back = try big - Rational(1)
        #expect(back == Rational(Int.max))
        #expect(try Rational(BigInt(1) << 70, BigInt(1) << 69) == Rational(2))
        #expect(try Rational(Int.min, -2) == Rational(BigInt(1) << 62, 1))
        #expect(Rational(Int.min).negated().negated() == Rational(Int.min))
        #expect(try Rational(Int.min) + Rational(1) == Rational(Int.min + 1))
        #expect(try Rational(6, -4).num == -3 && Rational(6, -4).den == 2)
        #expect(try Rational(0, -5) == .zero)
    }

    /// Operands of thousands of bits that Euclid's first steps do not shrink are finished by the
    /// binary algorithm: the reduced fraction must be the same whichever finishes it.
    @Test("large fractions reduce by their exact greatest common divisor")
    func largeReduction() throws {
        for (p, q, common) in [(3, 7, 11), (1_000_003, 999_983, 97), (2, 3, 1), (5, 5, 13)] {
            let a = BigInt(p).power(1_500) + 1
            let b = BigInt(q).power(1_400) + 3
            let g = BigInt(common).power(300)
            let reduced = try Rational(a * g, b * g)
            let direct = try Rational(a, b)
            #expect(reduced == direct)
            #expect(reduced.num * b == a * reduced.den)
            #expect(Rational.gcd(reduced.num.magnitude, reduced.den.magnitude) == 1)
            #expect(Rational.gcd((a * g).magnitude, (b * g).magnitude) == BigInt(Self.euclid((a * g).magnitude, (b * g).magnitude)))
        }
    }

    /// The textbook algorithm, as the reference.
    static func euclid(_ a: BigUInt, _ b: BigUInt) -> BigUInt {
        var (x, y) = (a, b)
        while !y.isZero { (x, y) = (y, x % y) }
        return x
    }

    @Test("powers equal repeated multiplication, past the word size too")
    func powers() throws {
        for (n, d) in [(2, 3), (-3, 7), (10, 1), (-1, 1), (1, 2), (7, 10)] {
            let base = try Rational(n, d)
            var product = Rational.one
            for e in 0...80 {
                #expect(try base.power(e) == product, "\(n)/\(d) ^ \(e)")
                #expect(try base.power(-e) == Rational.one / product, "\(n)/\(d) ^ -\(e)")
                product = try product * base
            }
        }
        #expect(try Rational(-1).power(99_999) == Rational(-1))
        #expect(throws: MathFailure.tooComplex) { try Rational(3).power(100_000) }
    }

    @Test("doubles and comparisons agree across the word boundary")
    func doubles() throws {
        #expect(try Rational(1, 3).doubleValue == 1.0 / 3.0)
        #expect(try Rational(BigInt(1) << 80, 3).doubleValue == Double(sign: .plus, exponent: 80, significand: 1) / 3)
        #expect(try Rational(Int.max, 1) < Rational(BigInt(Int.max) + 1, 1))
        #expect(try !(Rational(-Int.max, 1) < Rational(BigInt(Int.min) - 1, 1)))
        #expect(try Rational(Int.max, Int.max - 1) < Rational(Int.max - 1, Int.max - 2))
    }
}
