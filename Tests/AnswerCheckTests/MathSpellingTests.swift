import Testing
@testable import AnswerCheck

/// Number spellings of issue 13: LaTeX decimal commas, thin spaces and spacing commands as
/// thousands separators, and decimal commas decided by the ground truth's own spelling.
@Suite("Math checker: number spellings")
struct MathSpellingTests {
    let checker = MathAnswerChecker()

    /// (answer, ground truth) pairs that must be judged equivalent.
    static let equal: [(String, String)] = [
        // `{,}` before a group that is not three digits is LaTeX's decimal comma.
        ("3{,}75", "3.75"), ("3.75", "3{,}75"), ("0{,}5", "\\frac12"), ("-2{,}25", "-\\frac{9}{4}"),
        ("1\\,234{,}5", "1234.5"), ("12{,}5\\%", "0.125"), ("(1{,}5, 2)", "(1.5, 2)"),
        // Thousands separators.
        ("7{,}500", "7500"), ("2,\\!048,\\!000", "2048000"), ("2{,}\\!048{,}\\!000", "2048000"),
        ("1\\,000", "1000"), ("1\\,000\\,000", "10^6"), ("12\\;345", "12345"), ("12\\:345\\:678", "12345678"),
        ("1\\ 000", "1000"), ("1~000", "1000"), ("1\u{2009}000", "1000"), ("1\u{202F}000\u{202F}000", "1000000"),
        ("1\u{00A0}000", "1000"), ("1,\\,000", "1000"),
        // A ground truth that writes decimal commas makes a bare `3,75` in the answer a decimal.
        ("3,75", "3{,}75"), ("2,5", "2{,}5"), ("1,25", "1\\,000{,}5 - 999{,}25"), ("1,25, 0,5", "0{,}5; 1{,}25"),
        ("3,5", "0,5 + 3"), ("0.5", "0,5"),
        // So does a ground truth that is one decimal number: two numbers could never match it (issue 13).
        ("3,75", "3.75"), ("2,74", "2.74"), ("-1,5", "-1.5"), ("0,125", "0.125"), ("\\boxed{3,75}", "3.75"),
    ]

    /// Pairs that must be judged different.
    static let different: [(String, String)] = [
        // Otherwise a bare comma inside mathematics separates (Math-Verify reads `\boxed{2,74}` as a set):
        // against an integer, a fraction or a list, `5,0` and `3,75` stay two numbers, never one.
        ("1.22", "1,22"), ("3,75", "\\frac{15}{4}"), ("5,0", "5"), ("3,75", "375"), ("3,75", "3"), ("3,75", "3.76"),
        // A decimal comma never joins what the ground truth keeps apart, nor splits what it joins.
        ("3{,}75", "3, 75"), ("3{,}75", "3,75"), ("3, 75", "3{,}75"), ("(3,75)", "3{,}75"), ("\\{3,75\\}", "3{,}75"),
        ("3,750", "3{,}75"), ("3,76", "3{,}75"), ("3{,}0", "3, 0"),
        // Separators need whole three-digit groups.
        ("2\\,04", "204"), ("1\\,00", "100"), ("7{,}500", "7.5"), ("1\\,000", "1"),
    ]

    @Test("equivalent spellings", arguments: equal)
    func equivalentSpellings(pair: (String, String)) {
        #expect(checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6) == .correct)
    }

    @Test("different spellings", arguments: different)
    func differentSpellings(pair: (String, String)) {
        #expect(!checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6).isCorrect)
    }

    /// Two-element integer lists `a, b` where `b` is not a three-digit group, so `a,b` could read as
    /// the decimal `a.b`.
    static let listPairs: [(Int, Int)] = {
        var pairs: [(Int, Int)] = []
        for a in [0, 1, 2, 3, 7, 10, 12, 99, 1000, 2024] {
            for b in [1, 2, 5, 9, 10, 25, 50, 75, 99, 1234, 10000] where a != b { pairs.append((a, b)) }
        }
        return pairs
    }()

    @Test("decimal commas never merge list items the ground truth keeps apart", arguments: listPairs)
    func listsStayLists(pair: (Int, Int)) {
        let (a, b) = pair
        let lists = ["\(a), \(b)", "\(a),\(b)", "\\{\(a),\(b)\\}", "\(a) \\text{ and } \(b)", "\(b), \(a)"]
        // As a ground truth `0,5` and `1000,25` are decimals (corpus lines 125 and 135), so that
        // spelling is a list only for other values; as a prediction it is a list against any list.
        let readsAsList = !(a == 0 || a >= 1000 && b < 100)
        for gold in lists where readsAsList || gold != "\(a),\(b)" {
            for prediction in lists {
                #expect(checker.check(answer: prediction, groundTruth: gold, tolerance: 1e-6).isCorrect,
                        "\(prediction) against \(gold)")
            }
            // The decimal a.b is one number, never the list a, b.
            for merged in ["\(a){,}\(b)", "\(a).\(b)"] {
                #expect(!checker.check(answer: merged, groundTruth: gold, tolerance: 1e-6).isCorrect,
                        "\(merged) against \(gold)")
            }
        }
        // A ground truth that is one decimal (point or comma) never matches the two-item list.
        for gold in ["\(a).\(b)", "\(a){,}\(b)"] {
            for prediction in ["\(a), \(b)", "\(b), \(a)", "\\{\(a),\(b)\\}", "(\(a),\(b))", "\(a) \\text{ and } \(b)"] {
                #expect(!checker.check(answer: prediction, groundTruth: gold, tolerance: 1e-6).isCorrect,
                        "\(prediction) against \(gold)")
            }
        }
        // Under a decimal-comma ground truth, only the same digits are right (no tolerance here:
        // 10.10001 is within 1e-6 of 10.1).
        let wrong = "\(a),\(b + 1)"
        #expect(!checker.check(answer: wrong, groundTruth: "\(a){,}\(b)", tolerance: 0).isCorrect)
        #expect(checker.check(answer: "\(a),\(b)", groundTruth: "\(a){,}\(b)", tolerance: 1e-6).isCorrect)
    }

    /// (text, extracted answer): a bare number in a sentence is prose, where `3,75` is 3.75.
    static let prose: [(String, String?)] = [
        ("The answer is 3,75.", "3.75"), ("Answer: -12,5", "-12.5"), ("The answer is 7,425,000.", "7,425,000"),
        ("The answer is 1, 2.", "1, 2"), ("The answer is $3,75$.", "3,75"), ("The answer is 1,234.", "1,234"),
    ]

    @Test("prose answers read decimal commas", arguments: prose)
    func proseDecimalCommas(pair: (String, String?)) {
        #expect(AnswerExtraction.lenient(pair.0) == pair.1)
    }
}
