/// An exact value annotated with its decimal approximation: `\frac{\pi}{4} \approx 0.785`.
struct Annotation {
    var exact: Node
    var approximation: Node
    /// Decimal places of the approximation (3 for `0.785`).
    var places: Int
}

extension Node {
    /// `E \approx A` where `E` is a value without variables and `A` a decimal with at least one
    /// decimal place; nil for anything else (`x \approx 11` is an answer, not an annotation).
    var annotation: Annotation? {
        guard case .relation(let ops, let xs) = self, ops == [.approx], xs.count == 2,
              !xs[0].isStructure, !xs[0].hasSymbols, let places = xs[1].decimalPlaces else { return nil }
        return Annotation(exact: xs[0], approximation: xs[1], places: places)
    }

    /// The decimal places of a non-integer decimal literal (`0.785`, `-2.5`, `1.2e-5`), else nil.
    var decimalPlaces: Int? {
        let r: Rational
        switch self {
        case .number(let x): r = x
        case .neg(.number(let x)): r = x
        default: return nil
        }
        guard !r.isInteger else { return nil }
        var den = r.den.magnitude
        var twos = 0
        var fives = 0
        while den % 2 == 0, twos <= 40 {
            den /= 2
            twos += 1
        }
        while den % 5 == 0, fives <= 40 {
            den /= 5
            fives += 1
        }
        guard den == 1, twos <= 40, fives <= 40 else { return nil }
        return max(twos, fives)
    }
}

extension Context {
    /// Compares when either side is an annotated value. The exact values decide; a decimal alone
    /// on one side matches an annotated exact value on the other when it is that value written to
    /// at least the annotation's places (rounded or cut). A wrong approximation is commentary
    /// (`x=1/3\approx1.3` is 1/3, corpus line 162): it never matches on its own.
    mutating func annotated(_ g: Node, _ p: Node, _ ga: Annotation?, _ pa: Annotation?) throws(MathFailure) -> Bool {
        if try equivalent(ga?.exact ?? g, pa?.exact ?? p) { return true }
        switch (ga, pa) {
        case (let ga?, nil):
            guard let places = p.decimalPlaces, places >= ga.places else { return false }
            guard try approximates(ga.approximation, ga.exact, places: ga.places) else { return false }
            return try approximates(p, ga.exact, places: places)
        case (nil, let pa?):
            guard let places = g.decimalPlaces, places >= 1 else { return false }
            return try approximates(g, pa.exact, places: places)
        default:
            return false
        }
    }

    /// Whether the decimal `a`, written to `places` decimal places, is `exact` rounded or cut there.
    mutating func approximates(_ a: Node, _ exact: Node, places: Int) throws(MathFailure) -> Bool {
        do {
            scale = 0
            let x = try value(exact)
            let y = try value(a)
            guard x.isFinite, y.isFinite, abs(x.im) <= 1e-12 * max(1, x.magnitude) else { return false }
            var unit = 1.0
            for _ in 0..<places { unit /= 10 }
            return abs(x.re - y.re) <= unit * (1 + 1e-9) + 1e-12 * max(scale, abs(x.re))
        } catch .undefined {
            return false
        }
    }
}
