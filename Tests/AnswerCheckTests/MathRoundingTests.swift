import Foundation
import Testing
@testable import AnswerCheck

/// A decimal answer means the number it writes, to six places: against an exact value it must be a
/// correct rounding at its last written place up to the sixth (issue 13, corpus lines 342, 343, 350).
@Suite("Math checker: a decimal is a correct rounding of the exact value")
struct MathRoundingTests {
    let checker = MathAnswerChecker()

    /// (answer, ground truth, expected verdict); each pair is also checked the other way round.
    static let cases: [(String, String, Bool)] = [
        // Rounded, not cut: 2/3 is 0.666667 at six places (line 350), 1/3 is 0.333333 (line 346).
        ("0.333333", "\\frac{1}{3}", true), ("0.666667", "\\frac{2}{3}", true), ("0.666666", "\\frac{2}{3}", false),
        ("0.142857", "\\frac{1}{7}", true), ("0.142858", "\\frac{1}{7}", false), ("0.1428571", "1/7", true),
        // Two decimals are two numbers (lines 342 and 343), whatever the tolerance allows.
        ("1234.5679", "1234.5678", false), ("123456.71", "123456.7", false), ("0.333334", "0.333333", false),
        ("0.50", "0.5", true), ("2.500", "\\frac52", true),
        // Negatives and values below one.
        ("-0.666667", "-\\frac{2}{3}", true), ("-0.666666", "-\\frac{2}{3}", false), ("-0.666667", "\\frac{2}{3}", false),
        ("−0.666666", "-\\frac23", false), ("0.003333", "\\frac{1}{300}", false), ("0.003333333", "\\frac{1}{300}", true),
        ("-.5", "-\\frac12", true), ("+0.25", "\\frac14", true),
        // Integers against decimals.
        ("5.0", "5", true), ("5.00", "5", true), ("5.1", "5", false), ("5.000001", "5", false),
        ("4.999999", "5", false), ("1000000.1", "1000000", false),
        // A tie at the last place rounds either way.
        ("0.500001", "\\frac{1000001}{2000000}", true), ("0.500000", "\\frac{1000001}{2000000}", true),
        // Double-printing noise (relative 1e-12) is the same number.
        ("0.30000000000000004", "0.3", true), ("0.30000000000000004", "\\frac{3}{10}", true),
        ("0.33333333333333331", "\\frac{1}{3}", true), ("2.9999999999999996", "3", true), ("1.0000000000000002", "1", true),
        // Where a unit of the last place is below that noise, the noise decides: in machine words
        // (0.01 and 0.2 against 0.1 at 1e11) and past them (against 1e4 at 1e16).
        ("100000000000.51", "100000000000.5", true), ("100000000000.7", "100000000000.5", false),
        ("10000000000000000.51", "10000000000000000.5", true), ("10000000000000000.7", "10000000000000000.5", true),
        // Places after the sixth are left to the tolerance, as Math-Verify rounds to six (lines 339-341).
        ("0.3000000001", "0.3", true), ("0.5000001", "0.5", true), ("0.5000005", "0.5", true), ("0.5000006", "0.5", false),
        ("0.14285715", "\\frac{1}{7}", true), ("0.3333333", "0.333333", true), ("4.9999999", "5", true),
        // Irrational values: the same rule in doubles.
        ("3.14159", "\\pi", true), ("3.141593", "\\pi", true), ("3.141592", "\\pi", false), ("3.14", "\\pi", false),
        ("1.414214", "\\sqrt{2}", true), ("1.414213", "\\sqrt{2}", false), ("2.718282", "e", true), ("2.718281", "e", false),
        // Not a plain decimal literal on either side: only the tolerance applies, as before.
        ("\\frac{2}{3}", "\\frac{4}{6}", true), ("5", "5", true), ("1.5e3", "1500", true),
    ]

    @Test("correct roundings and different numbers", arguments: cases)
    func rounding(case: (String, String, Bool)) {
        let forward = checker.check(answer: `case`.0, groundTruth: `case`.1, tolerance: 1e-6)
        let backward = checker.check(answer: `case`.1, groundTruth: `case`.0, tolerance: 1e-6)
        #expect(forward.isCorrect == `case`.2, "\(`case`.0) against \(`case`.1)")
        #expect(backward.isCorrect == `case`.2, "\(`case`.1) against \(`case`.0)")
    }

    /// The rollout's `precision` is an alternative, as it is to the tolerance; a tolerance looser than
    /// the default is taken as it is, without the rounding rule.
    @Test("precision still accepts what rounds alike; a looser tolerance stands alone")
    func precisionAndTolerance() {
        #expect(checker.check(answer: "0.666666", groundTruth: "\\frac23", tolerance: 1e-6, precision: 5).isCorrect)
        #expect(!checker.check(answer: "0.666666", groundTruth: "\\frac23", tolerance: 1e-6, precision: 6).isCorrect)
        #expect(checker.check(answer: "1234.5679", groundTruth: "1234.5678", tolerance: 1e-6, precision: 3).isCorrect)
        #expect(checker.check(answer: "3.141592", groundTruth: "\\pi", tolerance: 1e-6, precision: 5).isCorrect)
        #expect(checker.check(answer: "0.67", groundTruth: "\\frac23", tolerance: 1e-2).isCorrect)
        #expect(checker.check(answer: "0.66", groundTruth: "\\frac23", tolerance: 1e-2).isCorrect)
        #expect(!checker.check(answer: "0.65", groundTruth: "\\frac23", tolerance: 1e-2).isCorrect)
        #expect(checker.check(answer: "1234.5679", groundTruth: "1234.5678", tolerance: 1e-5).isCorrect)
        #expect(!checker.check(answer: "1234.5679", groundTruth: "1234.5678", tolerance: 1e-9).isCorrect)
    }

    @Test("the places come from a side that is one plain decimal literal")
    func writtenPlaces() {
        let places: [(String, Int?)] = [
            ("0.666666", 6), ("-.5", 1), ("+3.10", 2), ("−2.5", 1), ("12.0", 1), ("5", nil), ("5.", nil), (".", nil),
            ("1.5e3", nil), ("0,5", nil), ("x = 0.5", nil), ("(0.5, 1)", nil), ("--0.5", nil), ("1.2.3", nil),
            ("0.1234567", Context.checkedPlaces), ("0." + String(repeating: "1", count: 500), Context.checkedPlaces),
        ]
        for (text, expected) in places { #expect(Context.decimalPlaces(of: text) == expected, "\(text)") }
    }

    /// A correctly rounded value off by one unit of its last place (at most the sixth), either way,
    /// is wrong whenever that unit is more than `1e-12` of the value (denominators prime to 10, so
    /// there are no ties).
    @Test("one unit off a correct rounding is always wrong")
    func oneUnitOff() {
        var random = SplitMix(seed: 13)
        let denominators = [3, 7, 9, 11, 13, 17, 19, 21, 23, 27, 29, 31, 33, 37, 39, 41, 49, 81, 97, 99, 101, 997]
        var checked = 0
        for _ in 0..<600 {
            let q = denominators.randomElement(using: &random)!
            let p = Int.random(in: 1...50_000, using: &random) * (Bool.random(using: &random) ? 1 : -1)
            let places = Int.random(in: 1...Context.checkedPlaces, using: &random)
            let value = Double(p) / Double(q)
            let unit = pow(10, -Double(places))
            guard unit > 1e-12 * abs(value), p % q != 0 else { continue }
            let scale = Int(pow(10, Double(places)))
            // p/q at `places`, half away from zero (no ties: q is prime to 10).
            let magnitude = (2 * abs(p) * scale + q) / (2 * q)
            let signed = p < 0 ? -magnitude : magnitude
            let exact = "\\frac{\(p)}{\(q)}"
            let rounded = Self.decimal(signed, places: places)
            // A rounding coarser than the tolerance is wrong anyway (`0.0` for 1/997).
            if abs(Double(signed) / Double(scale) - value) <= 0.9e-6 * abs(value) {
                #expect(checker.check(answer: rounded, groundTruth: exact, tolerance: 1e-6).isCorrect, "\(rounded) against \(exact)")
            }
            for step in [-1, 1] {
                let off = Self.decimal(signed + step, places: places)
                #expect(!checker.check(answer: off, groundTruth: exact, tolerance: 1e-6).isCorrect, "\(off) against \(exact)")
                #expect(!checker.check(answer: exact, groundTruth: off, tolerance: 1e-6).isCorrect, "\(exact) against \(off)")
            }
            checked += 1
        }
        #expect(checked > 300)
    }

    /// `n / 10^places` written out: `decimal(-5, places: 2)` is `-0.05`.
    static func decimal(_ n: Int, places: Int) -> String {
        let digits = String(abs(n))
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let point = padded.index(padded.endIndex, offsetBy: -places)
        return (n < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
    }
}
