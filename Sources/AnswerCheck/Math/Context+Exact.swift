import BigInt

/// Exact evaluation over the rationals; nil means "not rational here", so the caller uses doubles.
extension Context {
    mutating func exact(_ node: Node) throws(MathFailure) -> Rational? {
        try tick()
        let value = try exactValue(node)
        if let value { steps += Context.cost(words: value.bigWords) }
        return value
    }

    /// The steps an operation on values of `words` machine words in all is charged: the gcds
    /// behind each exact result cost about the square of its size.
    static func cost(words: Int) -> Int { words * words / 16 }

    /// Charges an operation on two large values before it runs, so that the budget stops a
    /// product or sum of huge fractions before its gcds, not after.
    mutating func charge<T: Summable>(_ x: T, _ y: T) throws(MathFailure) {
        let words = x.bigWords + y.bigWords
        guard words > 0 else { return }
        steps += Context.cost(words: words)
        guard steps <= Limits.maxSteps else { throw .tooComplex }
    }

    private mutating func exactValue(_ node: Node) throws(MathFailure) -> Rational? {
        switch node {
        case .number(let v):
            return v
        case .symbol(let name):
            return bindings[name]
        case .constant:
            return nil
        case .add(let a, let b):
            guard let x = try exact(a), let y = try exact(b) else { return nil }
            try charge(x, y)
            return try x + y
        case .mul(let a, let b):
            guard let x = try exact(a), let y = try exact(b) else { return nil }
            try charge(x, y)
            return try x * y
        case .div(let a, let b):
            guard let x = try exact(a), let y = try exact(b) else { return nil }
            try charge(x, y)
            return try x / y
        case .neg(let a):
            return try exact(a)?.negated()
        case .pow(let a, let b):
            guard let x = try exact(a), let y = try exact(b) else { return nil }
            return try power(x, y)
        case .call(let f, let a):
            guard let x = try exact(a) else { return nil }
            return try call(f, x)
        case .root(let index, let a):
            guard let k = try exact(index), let x = try exact(a) else { return nil }
            guard let n = k.integer, n >= 1 else { return nil }
            if x.isNegative, n % 2 == 0 { return nil }
            return x.root(n)
        case .binomial(let a, let b):
            guard let n = try exact(a), let k = try exact(b) else { return nil }
            return try binomial(n, k)
        case .log:
            return nil
        case .sum(let variable, let lower, let upper, let body, let product):
            return try sum(variable, lower, upper, product: product) { c, _ throws(MathFailure) in try c.exact(body) }
        default:
            throw .unparseable
        }
    }

    func power(_ x: Rational, _ y: Rational) throws(MathFailure) -> Rational? {
        if y.isInteger {
            guard let e = y.integer, abs(e) <= Limits.maxExponent else { throw .tooComplex }
            return try x.power(e)
        }
        guard let (p, q) = y.small, abs(p) <= Limits.maxExponent else {
            throw .tooComplex
        }
        if x.isNegative { return nil }
        guard let r = x.root(q) else { return nil }
        return try r.power(p)
    }

    func call(_ f: Function, _ x: Rational) throws(MathFailure) -> Rational? {
        switch f {
        case .sqrt:
            return x.isNegative ? nil : x.root(2)
        case .abs:
            return x.magnitude
        case .floor, .ceil:
            let (q, r) = x.num.quotientAndRemainder(dividingBy: x.den)
            var result = q
            if !r.isZero, x.isNegative == (f == .floor) { result += x.isNegative ? -1 : 1 }
            return try Rational(result, 1)
        case .factorial:
            guard let n = x.integer else { return nil }
            guard n >= 0 else { throw .undefined }
            guard n <= Limits.maxFactorial else { throw .tooComplex }
            // Up to 20! the product fits a machine word: no BigInt at all.
            if n <= 20 { return Rational((1...max(n, 1)).reduce(1, *)) }
            // Multiply machine-word chunks first: a tenth of the big multiplications.
            var product = BigInt(1)
            var chunk: UInt64 = 1
            for k in stride(from: 2, through: n, by: 1) {
                let (next, overflow) = chunk.multipliedReportingOverflow(by: UInt64(k))
                if overflow {
                    product *= BigInt(chunk)
                    chunk = UInt64(k)
                } else {
                    chunk = next
                }
            }
            product *= BigInt(chunk)
            return try Rational(product, 1)
        case .exp:
            return x.isZero ? .one : nil
        case .ln:
            return x == .one ? .zero : nil
        case .sin, .tan, .arcsin, .arctan, .sinh, .tanh:
            return x.isZero ? .zero : nil
        case .cos, .sec, .cosh:
            return x.isZero ? .one : nil
        default:
            return nil
        }
    }

    func binomial(_ n: Rational, _ k: Rational) throws(MathFailure) -> Rational? {
        guard let a = n.integer, let b = k.integer else { return nil }
        guard a >= 0, a <= Limits.maxFactorial else { throw a < 0 ? .undefined : .tooComplex }
        guard b >= 0, b <= a else { return .zero }
        var result = BigInt(1)
        for j in 0..<min(b, a - b) {
            result = result * BigInt(a - j) / BigInt(j + 1)
        }
        return try Rational(result, 1)
    }

    /// Runs `term` for each integer value of `variable` between the bounds and adds the results.
    mutating func sum<T>(
        _ variable: String, _ lower: Node, _ upper: Node, product: Bool = false,
        _ term: (inout Context, T?) throws(MathFailure) -> T?
    ) throws(MathFailure) -> T? where T: Summable {
        guard let lo = try exact(lower), let hi = try exact(upper), let a = lo.integer, let b = hi.integer else { throw .unparseable }
        guard b - a < Limits.maxSumTerms else { throw .tooComplex }
        let saved = bindings[variable]
        defer { bindings[variable] = saved }
        var total = product ? T.oneValue : T.zeroValue
        for k in stride(from: a, through: b, by: 1) {
            bindings[variable] = Rational(k)
            guard let value = try term(&self, nil) else { return nil }
            // The running total is charged before each step, as `exact` charges each result: a
            // product of large terms would otherwise grow (and its gcds slow) unchecked until the end.
            try charge(total, value)
            total = try product ? total.multiplying(value) : total.adding(value)
        }
        return total
    }
}

/// Values a sum or a product can accumulate.
protocol Summable {
    static var zeroValue: Self { get }
    static var oneValue: Self { get }
    /// Machine words of a value past two words a part (zero for a small or a floating value).
    var bigWords: Int { get }
    func adding(_ other: Self) throws(MathFailure) -> Self
    func multiplying(_ other: Self) throws(MathFailure) -> Self
}

extension Rational: Summable {
    static var zeroValue: Rational { .zero }
    static var oneValue: Rational { Rational(1) }
    var bigWords: Int { bitWidth > 128 ? (num.bitWidth + den.bitWidth) / 64 : 0 }
    func adding(_ other: Rational) throws(MathFailure) -> Rational { try self + other }
    func multiplying(_ other: Rational) throws(MathFailure) -> Rational { try self * other }
}

extension Complex: Summable {
    static var zeroValue: Complex { Complex(0) }
    static var oneValue: Complex { Complex(1) }
    var bigWords: Int { 0 }
    func adding(_ other: Complex) throws(MathFailure) -> Complex { self + other }
    func multiplying(_ other: Complex) throws(MathFailure) -> Complex { self * other }
}
