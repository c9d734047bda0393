import BigInt

/// The state of one comparison: tolerance, the shared step budget and the current point.
struct Context {
    /// Relative tolerance, as given.
    let tolerance: Double
    /// The same tolerance as an exact rational, so tiny values are compared without rounding.
    let exactTolerance: Rational
    var steps = 0
    /// Values of the free symbols at the point being evaluated.
    var bindings = NameMap<Rational>()
    /// The largest magnitude that cancelled in floating point, which bounds rounding noise.
    var scale = 0.0

    /// The compared texts, from which the evaluation points are derived: a verdict is reproducible,
    /// yet no fixed set of points exists that an answer could be built to vanish on.
    let texts: (String, String)
    /// Hashed from `texts` on first use: comparisons without variables never need it.
    private var cachedSeed: UInt64?

    var seed: UInt64 {
        mutating get {
            if let cachedSeed { return cachedSeed }
            let value = Points.hash(texts.1, into: Points.hash(texts.0))
            cachedSeed = value
            return value
        }
    }

    /// Whether either text may hold `\pm` or a matrix; when not, those rewrites (each a walk over
    /// the whole tree, at every level of a comparison) are skipped.
    var mayHavePlusMinus = true
    var mayHaveMatrices = true
    /// Decimal places both values are rounded to before they are compared again (the rollout's
    /// `precision`); nil when only the relative tolerance applies.
    var precision: Int?
    /// The decimal places written by a side that is a plain decimal literal (the most, when both
    /// are): the values must then be a correct rounding of each other there (`Context+Rounding`).
    var writtenPlaces: Int?
    /// Whether a predicted inequality may match a gold set (`Context+Relations`).
    var setRelations = MathAnswerChecker.RelationSetPolicy.equal
    /// A sum's index renamed on the prediction's side (`j` for `k`): it takes the gold's values.
    var aliases = NameMap<String>()

    init(tolerance: Double, texts: (String, String) = ("", "")) {
        self.tolerance = tolerance
        self.texts = texts
        exactTolerance = tolerance == MathAnswerChecker.defaultTolerance ? Context.defaultTolerance : Context.decimal(tolerance)
    }

    /// The tolerance as the decimal it was written as (`1e-6` is exactly one millionth, not the
    /// nearest double), so a value exactly on the edge of the window is inside it.
    static let defaultTolerance = decimal(MathAnswerChecker.defaultTolerance)

    static func decimal(_ value: Double) -> Rational {
        guard let tokens = try? Lexer.tokens(of: "\(value)"), tokens.count == 1,
              case .number(let r, _) = tokens[0].kind else { return Rational(exactly: value) ?? .zero }
        return r
    }

    mutating func tick() throws(MathFailure) {
        steps += 1
        guard steps <= Limits.maxSteps else { throw .tooComplex }
    }

    /// Whether two exact values agree: integers exactly, other values within the relative tolerance.
    func agree(_ a: Rational, _ b: Rational) throws(MathFailure) -> Bool {
        if a == b { return true }
        if a.isInteger && b.isInteger { return false }
        if let precision, Context.rounded(a, places: precision) == Context.rounded(b, places: precision) { return true }
        // Over the common denominator a.den * b.den, so no reduction (and no gcd) is needed;
        // in machine words when nothing overflows, with the products compared at full width.
        if let (an, ad) = a.small, let (bn, bd) = b.small, let (tn, td) = exactTolerance.small {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            let (difference, o3) = x.subtractingReportingOverflow(y)
            let (denominator, o4) = UInt(ad).multipliedReportingOverflow(by: UInt(bd))
            if !o1, !o2, !o3, !o4 {
                let larger = max(x.magnitude, y.magnitude)
                guard Context.atMost(difference.magnitude.multipliedFullWidth(by: UInt(td)),
                                     larger.multipliedFullWidth(by: UInt(tn))) else { return false }
                return roundsCorrectly(difference: difference.magnitude, denominator: denominator, larger: larger)
            }
        }
        let x = a.num * b.den
        let y = b.num * a.den
        let difference = (x - y).magnitude
        let larger = max(x.magnitude, y.magnitude)
        guard difference * exactTolerance.den.magnitude <= exactTolerance.num.magnitude * larger else { return false }
        return roundsCorrectly(difference: difference, denominator: (a.den * b.den).magnitude, larger: larger)
    }

    /// Whether two floating values agree within the relative tolerance plus cancellation noise.
    func agree(_ a: Complex, _ b: Complex) -> Bool {
        if a.re.isInfinite || b.re.isInfinite {
            return a.re == b.re && a.im == b.im
        }
        guard a.isFinite, b.isFinite else { return false }
        let difference = (a - b).magnitude
        let larger = max(a.magnitude, b.magnitude)
        if difference <= tolerance * larger + 1e-12 * scale,
           roundsCorrectly(difference: difference, larger: larger, noise: scale) { return true }
        guard let precision else { return false }
        var unit = 1.0
        for _ in 0..<precision { unit *= 10 }
        func round(_ x: Double) -> Double { (x * unit).rounded(.toNearestOrAwayFromZero) }
        return round(a.re) == round(b.re) && round(a.im) == round(b.im)
    }

    /// `a` times `10^places`, rounded half away from zero, exactly.
    static func rounded(_ a: Rational, places: Int) -> BigInt {
        let scaled = a.num.magnitude * BigInt(10).power(places).magnitude
        let den = a.den.magnitude
        let q = (scaled * 2 + den) / (den * 2)
        return a.num.signum() < 0 ? -BigInt(q) : BigInt(q)
    }
}

extension Rational: Comparable {}

/// Evaluation points: the same symbol gets the same value in both answers.
enum Points {
    static let count = 4

    /// FNV-1a, a stable hash (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String, into start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = start
        for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return hash
    }

    /// A positive rational for `symbol` at point `k`, spread so that distinct symbols differ.
    static func value(for symbol: String, at k: Int, seed: UInt64) -> Rational {
        var hash = Points.hash(symbol, into: 0xcbf2_9ce4_8422_2325 ^ seed)
        hash = (hash ^ UInt64(k + 1)) &* 0x100_0000_01b3
        hash ^= hash >> 29
        let numerator = Int(hash % 89) + 11
        let denominator = Int((hash >> 8) % 13) + 7
        return (try? Rational(numerator, denominator)) ?? .one
    }
}
