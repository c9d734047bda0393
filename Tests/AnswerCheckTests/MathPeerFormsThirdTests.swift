import Testing
@testable import AnswerCheck

/// Forms that other graders' test suites exercise (third pass), with cases written for this
/// project: each table holds right pairs and the near misses that must stay wrong. Pairs are judged
/// both ways round unless the prediction is prose.
@Suite("Math checker: forms from peer graders' suites, third pass")
struct MathPeerFormsThirdTests {
    static func verdicts(_ prediction: String, _ gold: String) -> [Bool] {
        MathPeerFormsTests.verdicts(prediction, gold)
    }

    /// (prediction, ground truth, verdict): `\log` without a base is the common logarithm.
    static let logarithms: [(String, String, Bool)] = [
        ("\\log 100", "2", true), ("\\log 1000", "3", true), ("\\log(100)", "2", true), ("log(100)", "2", true),
        ("\\lg 1000", "3", true), ("\\log_{10} 100", "\\log 100", true), ("\\log 2 + \\log 5", "1", true),
        ("\\log 0.01", "-2", true), ("\\ln e^2", "2", true), ("\\log_2 8", "3", true),
        ("\\frac{\\log 2}{\\log 3}", "\\log_3 2", true),
        ("\\log 100", "3", false), ("\\log 100", "\\ln 100", false), ("\\ln 2", "\\log 2", false),
        ("-\\log 100", "2", false), ("\\log_3 9", "3", false),
    ]

    @Test("logarithms without a base", arguments: logarithms)
    func logarithmsWithoutBase(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): a ratio is its quotient; equal ratios are proportional.
    static let ratios: [(String, String, Bool)] = [
        ("6:8", "3:4", true), ("3:4", "\\frac{3}{4}", true), ("3:4", "0.75", true), ("3/4", "3:4", true),
        ("3 : 4", "3:4", true), ("3 \\colon 4", "3:4", true), ("2:4:6", "1:2:3", true), ("6:8:10", "3:4:5", true),
        ("x:y", "2x:2y", true), ("0:1", "0", true), ("10:30", "10:30", true),
        // Another order, another quotient, a ratio of three against a number, a zero part: wrong.
        ("4:3", "3:4", false), ("3:5", "3:4", false), ("3:4", "\\frac{4}{3}", false), ("1:3:2", "1:2:3", false),
        ("6:8:11", "3:4:5", false), ("3:4:5", "0.75", false), ("0:1", "0:2", false), ("1:00", "12:00", false),
        ("1:2", "2", false), ("3 : 4", "4:3", false),
    ]

    @Test("ratios", arguments: ratios)
    func ratioAnswers(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): gcd and lcm of integers are the numbers they name.
    static let divisors: [(String, String, Bool)] = [
        ("\\gcd(12, 18)", "6", true), ("\\gcd (12, 18)", "6", true), ("\\operatorname{gcd}(12,18)", "6", true),
        ("\\operatorname{lcm}(4, 6)", "12", true), ("\\text{lcm}(4,6)", "12", true), ("\\mathrm{lcm}(4,6)", "12", true),
        ("lcm(4,6)", "12", true), ("\\text{GCD}(12,18)", "6", true), ("\\operatorname{lcm}(4,6,10)", "60", true),
        ("\\gcd(12,18,8)", "2", true), ("\\gcd(-12,18)", "6", true), ("\\operatorname{lcm}(0,5)", "0", true),
        ("\\gcd(12,18)", "3", false), ("\\operatorname{lcm}(4,6)", "24", false), ("\\operatorname{lcm}(4,6)", "6", false),
        ("\\gcd(12, 18.5)", "6", false), ("\\gcd(12,18), \\operatorname{lcm}(12,18)", "6", false),
    ]

    @Test("gcd and lcm", arguments: divisors)
    func divisorFunctions(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): combinations and arrangements in function and prefix form.
    static let counts: [(String, String, Bool)] = [
        ("C(6,2)", "15", true), ("{}_6C_2", "15", true), ("_6C_2", "15", true), ("{}_{6}C_{2}", "15", true),
        ("_{10}C_3", "120", true), ("C(10,3)", "\\binom{10}{3}", true), ("P(6,2)", "30", true), ("{}_6P_2", "30", true),
        ("P(10,3)", "720", true), ("\\text{C}(6,2)", "15", true),
        ("C(6,2)", "30", false), ("{}_6C_2", "6", false), ("{}_6P_2", "15", false), ("P(10,3)", "120", false),
        ("C(6,2)", "(6,2)", false), ("C(6,-2)", "15", false), ("P(3,5)", "0", false),
    ]

    @Test("combinations and arrangements", arguments: counts)
    func countingForms(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): digits above nine and bracketed bases.
    static let bases: [(String, String, Bool)] = [
        ("FF_{16}", "255", true), ("FF_16", "255", true), ("\\text{FF}_{16}", "255", true), ("1A_{16}", "26", true),
        ("ABC_{16}", "2748", true), ("7FF_{16}", "2047", true), ("(1011)_2", "11", true), ("1011_{(2)}", "11", true),
        ("(12)_3", "5", true), ("12_{(3)}", "5", true),
        // Base 36, the largest, once stopped the checker (BigInt reads bases below 36 only).
        ("(32)_36", "110", true), ("10000000000000000000000000000000000000000000000000000000000000000_2", "18446744073709551616", true), ("10_{36}", "36", true), ("Z1_{36}", "1261", true), ("10_{36}", "37", false),
        ("FF_{16}", "256", false), ("FF_{16}", "EF_{16}", false), ("1A_{16}", "27", false), ("10_{16}", "10", false),
        ("1G_{16}", "32", false), ("(12)_3", "12", false), ("F_{16}", "15", false), ("a_{16}", "10", false),
    ]

    @Test("bases above ten and bracketed bases", arguments: bases)
    func baseForms(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): cents against dollars or cents, percent words.
    static let money: [(String, String, Bool)] = [
        ("75 cents", "0.75", true), ("75\\text{ cents}", "0.75", true), ("75 cents", "75", true),
        ("75 cents", "\\frac34", true), ("75¢", "0.75", true), ("\\$0.75", "75\\text{ cents}", true),
        ("35 per cent", "0.35", true), ("35 Per Cent", "0.35", true), ("35 PCT", "0.35", true),
        ("35 PERCENT", "0.35", true), ("35 per cent", "35\\%", true),
        ("76 cents", "0.75", false), ("7.5 cents", "0.75", false), ("75 cents", "7.5", false), ("50 cents", "5", false),
        ("\\$0.75", "75", false), ("35 per cent", "35", false), ("35 per cent", "0.36", false), ("35 PCT", "35", false),
    ]

    @Test("cents and percent words", arguments: money)
    func moneyAndPercentWords(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// Under the `either` percent policy a capitalised percent word still switches on the second reading.
    @Test("capitalised percent words under the either policy")
    func capitalisedPercentEither() {
        let either = MathAnswerChecker(percent: .either)
        for answer in ["35 PCT", "35 PERCENT", "35 Pct", "35 PER CENT"] {
            #expect(either.check(answer: answer, groundTruth: "35", tolerance: 1e-6).isCorrect, "\(answer)")
            #expect(!either.check(answer: answer, groundTruth: "3.5", tolerance: 1e-6).isCorrect, "\(answer)")
        }
    }

    /// (prediction, ground truth, verdict): spellings of infinity, upright constants, a bare leading mark.
    static let spellings: [(String, String, Bool)] = [
        ("(-oo, 2)", "(-\\infty,2)", true), ("(-\\inf, 2)", "(-\\infty,2)", true), ("oo", "\\infty", true),
        ("[2, oo)", "[2,\\infty)", true), ("(-oo, oo)", "\\mathbb{R}", true), ("-\\inf", "-\\infty", true),
        ("3+4\\mathrm{i}", "3+4i", true), ("\\mathrm{e}^2", "e^2", true), ("5\\mathrm{m}", "5", true),
        ("\\lbrace 1, 2 \\rbrace", "\\{1,2\\}", true), ("\\left\\lbrace 1, 2 \\right\\rbrace", "\\{2,1\\}", true),
        ("30 \\deg", "30", true),
        ("\\lbrace 1, 2 \\rbrace", "\\{1,2,3\\}", false), ("\\lbrace 1, 2 \\rbrace", "[1,2]", false), ("30 \\deg", "31", false),
        ("oo", "-oo", false), ("(2, oo)", "[2,\\infty)", false), ("3+4\\mathrm{i}", "3-4i", false),
        ("\\mathrm{e}", "2.718", false),
    ]

    @Test("infinity, upright constants, \\lbrace, \\deg", arguments: spellings)
    func otherSpellings(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (response, ground truth, verdict): responses judged one way round (prose, leading marks).
    static let responses: [(String, String, Bool)] = [
        ("The answer is $x=2$ and $y=3$.", "(2,3)", true), ("$x=2$, $y=3$", "(2,3)", true),
        ("$x = 2$ and $y = 3$", "(2, 3)", true), ("$x=2$, $y=3$, $z=4$", "(2,3,4)", true),
        ("\\approx 3.14", "3.14", true), ("= 12", "12", true), ("3 : 4", "0.75", true),
        // The same variable twice is a hedge; a pair against one value, a missing or an extra item: wrong.
        ("$x=2$ or $x=3$", "2", false), ("$x=2$ and $x=3$", "(2,3)", false), ("$x=2$, $y=3$", "2", false),
        ("$x=2$, $y=3$", "(3,2)", false), ("$x=2$, $y=4$", "(2,3)", false), ("$x=2$", "(2,3)", false),
        ("$x=2$, $y=3$, $z=4$", "(2,3)", false), ("We get $x=2$. Then $y=3$.", "(2,3)", false),
        ("\\approx 3.14", "3.15", false), ("\\approx 3.14", "\\pi", false), ("= 12", "13", false),
        ("Step 1 : 5", "5", true), ("Soucis : 2,74 $ a..", "2.74", true),
    ]

    @Test("assignments in separate spans, leading marks", arguments: responses)
    func responseForms(case: (String, String, Bool)) {
        #expect(MathHeldOutFormsTests.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// The hacking guards stay as strict with the new spellings inside them.
    static let hedges: [(String, String)] = [
        ("\\gcd(12,18) \\text{ or } 3", "6"), ("C(6,2) \\text{ or } 20", "15"), ("3:4 \\text{ or } 4:3", "3:4"),
        ("FF_{16}, 256", "255"), ("75 cents \\text{ or } 0.5", "0.75"), ("\\log 100, 3", "2"),
    ]

    @Test("hedges with the new spellings stay wrong", arguments: hedges)
    func hedgesStayWrong(case: (String, String)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [false, false])
    }
}
