#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// Evaluation in complex doubles, for values that are not rational (`\pi`, `\sqrt{2}`, `e^{i\pi}`).
extension Context {
    mutating func approximate(_ node: Node) throws(MathFailure) -> Complex {
        try tick()
        switch node {
        case .number(let v):
            return Complex(v.doubleValue)
        case .symbol(let name):
            guard let v = bindings[name] else { throw .unparseable }
            return Complex(v.doubleValue)
        case .constant(let c):
            switch c {
            case .pi: return Complex(Double.pi)
            case .e: return Complex(M_E)
            case .i: return .i
            case .infinity: return Complex(.infinity)
            }
        case .add(let a, let b):
            let x = try approximate(a)
            let y = try approximate(b)
            scale = max(scale, x.magnitude, y.magnitude)
            return x + y
        case .mul(let a, let b):
            return try approximate(a) * approximate(b)
        case .div(let a, let b):
            let y = try approximate(b)
            guard y.magnitude != 0 else { throw .undefined }
            return try approximate(a) / y
        case .neg(let a):
            return -(try approximate(a))
        case .pow(let a, let b):
            return try approximate(a).power(try approximate(b))
        case .call(let f, let a):
            return try call(f, try approximate(a))
        case .root(let index, let a):
            let k = try approximate(index)
            let x = try approximate(a)
            if x.isReal, x.re < 0, k.isReal, k.re.truncatingRemainder(dividingBy: 2) == 1 {
                return Complex(-pow(-x.re, 1 / k.re))
            }
            return x.power(Complex(1) / k)
        case .log(let base, let a):
            let b = try approximate(base).log()
            guard b.magnitude != 0 else { throw .undefined }
            return try approximate(a).log() / b
        case .binomial(let a, let b):
            if let exact = try exact(node) { return Complex(exact.doubleValue) }
            let n = try approximate(a).re
            let k = try approximate(b).re
            return Complex(tgamma(n + 1) / (tgamma(k + 1) * tgamma(n - k + 1)))
        case .sum(let variable, let lower, let upper, let body, let product):
            let total = try sum(variable, lower, upper, product: product) { c, _ throws(MathFailure) -> Complex? in try c.approximate(body) }
            return total ?? Complex(.nan)
        default:
            throw .unparseable
        }
    }

    mutating func call(_ f: Function, _ x: Complex) throws(MathFailure) -> Complex {
        if f == .sin || f == .cos || f == .tan || f == .sec || f == .csc || f == .cot {
            scale = max(scale, x.magnitude)
        }
        switch f {
        case .sin: return x.sine()
        case .cos: return x.cosine()
        case .tan: return x.sine() / x.cosine()
        case .sec: return Complex(1) / x.cosine()
        case .csc: return Complex(1) / x.sine()
        case .cot: return x.cosine() / x.sine()
        case .ln:
            guard x.magnitude != 0 else { throw .undefined }
            return x.log()
        case .exp: return x.exp()
        case .sqrt: return x.squareRoot()
        case .abs: return Complex(x.magnitude)
        default:
            guard x.isReal, let y = RealFunctions.apply(f, x.re) else { throw .undefined }
            return Complex(y)
        }
    }
}
