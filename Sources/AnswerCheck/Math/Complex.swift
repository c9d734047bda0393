#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// A complex number in doubles, for expressions that are not rational.
struct Complex: Sendable, Equatable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    static let i = Complex(0, 1)

    var isReal: Bool { im == 0 }
    var isFinite: Bool { re.isFinite && im.isFinite }
    var magnitude: Double { hypot(re, im) }

    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static prefix func - (a: Complex) -> Complex { Complex(-a.re, -a.im) }

    static func * (a: Complex, b: Complex) -> Complex {
        if a.isReal, b.isReal { return Complex(a.re * b.re) }
        return Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }

    static func / (a: Complex, b: Complex) -> Complex {
        if a.isReal, b.isReal { return Complex(a.re / b.re) }
        let d = b.re * b.re + b.im * b.im
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }

    func exp() -> Complex {
        let m = libmExp(re)
        return isReal ? Complex(m) : Complex(m * cos(im), m * sin(im))
    }

    /// The principal logarithm.
    func log() -> Complex {
        isReal && re > 0 ? Complex(libmLog(re)) : Complex(libmLog(magnitude), atan2(im, re))
    }

    func power(_ e: Complex) -> Complex {
        if isReal, e.isReal, re > 0 || e.re == e.re.rounded() { return Complex(pow(re, e.re)) }
        if re == 0, im == 0 { return e.re > 0 ? Complex(0) : Complex(.nan) }
        return (e * log()).exp()
    }

    func squareRoot() -> Complex {
        if isReal, re >= 0 { return Complex(re.squareRoot()) }
        let m = magnitude
        let r = ((m + re) / 2).squareRoot()
        let s = ((m - re) / 2).squareRoot()
        return Complex(r, im < 0 ? -s : s)
    }

    func sine() -> Complex { Complex(sin(re) * cosh(im), cos(re) * sinh(im)) }
    func cosine() -> Complex { Complex(cos(re) * cosh(im), -sin(re) * sinh(im)) }
}

/// The C library's functions, reachable inside `Complex` whose methods share their names.
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmLog(_ x: Double) -> Double { log(x) }

/// Real functions from the C library, named for the evaluator.
enum RealFunctions {
    static func apply(_ f: Function, _ x: Double) -> Double? {
        switch f {
        case .tan: return tan(x)
        case .arcsin: return abs(x) <= 1 ? asin(x) : nil
        case .arccos: return abs(x) <= 1 ? acos(x) : nil
        case .arctan: return atan(x)
        case .sinh: return sinh(x)
        case .cosh: return cosh(x)
        case .tanh: return tanh(x)
        case .floor: return floor(x)
        case .ceil: return ceil(x)
        case .factorial: return x >= 0 && x <= 170 ? tgamma(x + 1) : nil
        default: return nil
        }
    }
}
