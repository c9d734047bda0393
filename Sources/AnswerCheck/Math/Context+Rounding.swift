import BigInt

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// A decimal answer means the number it writes, to six places: `0.666666` is not `\frac{2}{3}`
/// (the correct rounding is `0.666667`), and `1234.5679` is not `1234.5678`, although both are
/// inside the relative tolerance. When a whole side is a plain decimal literal with `d` places, two
/// values agree only when they are at most half a unit of the `min(d, 6)`-th place apart (ties
/// allowed). Places after the sixth are not checked, as Math-Verify's default `float_rounding` of 6
/// checks none: within the tolerance, `0.5000001` is `0.5`. A literal whose checked unit is at most
/// `1e-12` of the value carries more digits than a double holds: it is a printed double, and agrees
/// within relative `1e-12`. The rule holds at the default tolerance or a stricter one (a rollout
/// that loosens the tolerance gets that tolerance alone), and the rollout's `precision` is an
/// alternative to it, as it is to the tolerance.
extension Context {
    /// The most places checked; places beyond these are left to the relative tolerance.
    static let checkedPlaces = 6

    /// The places of whichever side is a plain decimal literal (``decimalPlaces(of:)`` of each),
    /// the larger when both are.
    static func writtenPlaces(_ gold: Int?, _ answer: Int?) -> Int? {
        guard let gold else { return answer }
        return max(gold, answer ?? gold)
    }

    /// The places after the point of a text that is one decimal literal, optionally signed, inside
    /// any wrappers the parser reads through (`0.666666`, `-.5`, `\boxed{+3.10}`, `$−2.5$`: 6, 1,
    /// 2, 1); nil for anything else (`5`, `5.`, `1.5e3`, `0,5`, `x = 0.5`, `(0.5, 1)`).
    static func decimalPlaces(of text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable(decimalPlaces(in:))
            ?? Array(text.utf8).withUnsafeBufferPointer(decimalPlaces(in:))
    }

    private static func decimalPlaces(in b: UnsafeBufferPointer<UInt8>) -> Int? {
        // Most sides write no point at all; one plain search settles them.
        guard b.contains(0x2E) else { return nil }
        var (lo, hi) = unwrapped(b)
        if lo < hi, b[lo] == 0x2D || b[lo] == 0x2B {
            lo += 1
        } else if hi - lo >= 3, b[lo] == 0xE2, b[lo + 1] == 0x88, b[lo + 2] == 0x92 {  // U+2212 minus sign
            lo += 3
        }
        guard let point = (lo..<hi).first(where: { b[$0] == 0x2E }) else { return nil }
        guard point + 1 < hi, (lo..<point).allSatisfy({ Byte.isDigit(b[$0]) }),
              (point + 1..<hi).allSatisfy({ Byte.isDigit(b[$0]) }) else { return nil }
        return min(hi - point - 1, checkedPlaces)
    }

    private static let wrappers: [([UInt8], [UInt8])] = [
        ("$", "$"), ("\\boxed{", "}"), ("\\fbox{", "}"), ("{", "}"), ("\\(", "\\)"), ("\\[", "\\]"),
    ].map { (Array($0.utf8), Array($1.utf8)) }

    /// The range of `b` without white space and the wrappers around all of it (`\boxed{...}`,
    /// `$...$`, `{...}`): lenient extraction hands over `\boxed{0.5}` from "the final answer is
    /// $\boxed{0.5}$". Which braces match does not matter: what is left must be a plain number.
    private static func unwrapped(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var lo = 0
        var hi = b.count
        for _ in 0..<8 {
            while lo < hi, Byte.isSpace(b[lo]) { lo += 1 }
            while hi > lo, Byte.isSpace(b[hi - 1]) { hi -= 1 }
            guard let (open, close) = wrappers.first(where: { open, close in
                hi - lo >= open.count + close.count
                    && open.indices.allSatisfy { b[lo + $0] == open[$0] }
                    && close.indices.allSatisfy { b[hi - close.count + $0] == close[$0] }
            }) else { break }
            lo += open.count
            hi -= close.count
        }
        return (lo, hi)
    }

    /// Exactly: `difference / denominator` is the distance of the two values and `larger /
    /// denominator` the larger magnitude.
    func roundsCorrectly(difference: BigUInt, denominator: BigUInt, larger: BigUInt) -> Bool {
        guard let writtenPlaces else { return true }
        let units = BigUInt(10).power(writtenPlaces)
        // unit > 1e-12 * value, over the common denominator: half a unit decides.
        if Context.noiseDenominator * denominator > larger * units { return difference * units * 2 <= denominator }
        return difference * Context.noiseDenominator <= larger
    }

    /// The same in machine words, for values whose common-denominator forms fit one.
    func roundsCorrectly(difference: UInt, denominator: UInt, larger: UInt) -> Bool {
        guard let writtenPlaces else { return true }
        var units: UInt = 1
        for _ in 0..<writtenPlaces { units *= 10 }
        let noise = Context.noiseScale
        if !Context.atMost(noise.multipliedFullWidth(by: denominator), larger.multipliedFullWidth(by: units)) {
            return Context.atMost(difference.multipliedFullWidth(by: units * 2), (0, denominator))
        }
        return Context.atMost(difference.multipliedFullWidth(by: noise), (0, larger))
    }

    /// Whether the double-width product `a` is at most `b`.
    static func atMost(_ a: (high: UInt, low: UInt), _ b: (high: UInt, low: UInt)) -> Bool {
        a.high < b.high || a.high == b.high && a.low <= b.low
    }

    /// The same in doubles, for a value that is not rational (`\pi` against `3.14159`); `noise` is
    /// the magnitude that cancelled while evaluating.
    func roundsCorrectly(difference: Double, larger: Double, noise: Double) -> Bool {
        guard let writtenPlaces else { return true }
        let unit = pow(10, -Double(writtenPlaces))
        let slack = 1e-15 * larger + 1e-12 * noise
        if unit > 1e-12 * larger { return difference <= unit / 2 + slack }
        return difference <= 1e-12 * larger + slack
    }

    /// Double-printing noise is relative `1 / noiseScale` (1e-12).
    private static let noiseScale: UInt = 1_000_000_000_000
    private static let noiseDenominator = BigUInt(noiseScale)
}
