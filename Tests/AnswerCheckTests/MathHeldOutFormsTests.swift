import Testing
@testable import AnswerCheck

/// Held-out forms of issue 13, written for this project: realistic answers and ground truths of the
/// issue's kinds, each judged as the reward service judges a pair (``MathCorpus/judge(_:checker:)``).
@Suite("Math checker: held-out forms")
struct MathHeldOutFormsTests {
    /// Judges `prediction` against `gold` the way the conformance corpus does.
    static func judge(_ prediction: String, _ gold: String, precision: Int? = nil) -> Bool {
        let gold = MathCorpus.goldAnswer(gold)
        guard let answer = AnswerExtraction.lenient(prediction) else { return false }
        let verdict = MathAnswerChecker().check(answer: answer, groundTruth: gold, tolerance: 1e-6, precision: precision)
        if verdict.reason == .unparseable { return MathCorpus.normalisedText(answer) == MathCorpus.normalisedText(gold) }
        return verdict.isCorrect
    }

    /// (response, ground truth, verdict): plain RLVR outputs without a box.
    static let lenient: [(String, String, Bool)] = [
        ("<answer>42</answer>", "42", true), ("<think>3/4 first</think><answer>\\frac{1}{2}</answer>", "\\frac12", true),
        ("<answer>x = 2</answer>", "2", true), ("<answer>1, 2</answer>", "\\{1,2\\}", true),
        ("<answer>7</answer> and later 8", "7", true), ("<answer>7</answer>", "8", false),
        ("#### 9", "9", true), ("so 4 + 5 = 9\n#### 9", "9", true), ("#### 9", "8", false),
        ("There are 1,000 ways.", "1000", true), ("There are 1,000 ways.", "100", false),
        // Bare formulas with several one-letter variables are formulas, not prose.
        ("(a-b)(a+b)", "a^2-b^2", true), ("x=3,y=1;x=-3,y=1", "(3,1),(-3,1)", true),
        ("\\sum_{i=1}^{n} b_i a_i", "\\sum_{i=1}^{n} a_i b_i", true), ("\\prod_{k=1}^{n} x k", "\\prod_{k=1}^{n} k x", true),
        ("\\sum_{k=0}^{n} x^k \\binom{n}{k}", "\\sum_{k=0}^{n} \\binom{n}{k} x^k", true),
        ("\\sum_{k=1}^{n} \\frac{1}{(k+1)k}", "\\sum_{k=1}^{n} \\frac{1}{k(k+1)}", true),
        ("\\sum_{k=1}^{n} \\frac{1}{(k+2)k}", "\\sum_{k=1}^{n} \\frac{1}{k(k+1)}", false),
        ("(a-b)(a-b)", "a^2-b^2", false), ("I think x is 5", "5", true), ("I think x is 5", "6", false),
        ("**2**", "2", true), ("**x = 2**", "2", true), ("**3**", "2", false),
    ]

    @Test("lenient extraction of plain outputs and <answer> blocks", arguments: lenient)
    func lenientOutputs(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): relations against the sets they describe, both ways round.
    static let relations: [(String, String, Bool)] = [
        ("x < -1 \\text{ or } x > 2", "(-\\infty, -1) \\cup (2, \\infty)", true),
        ("(-\\infty, -1) \\cup (2, \\infty)", "x < -1 \\text{ or } x > 2", true),
        ("x<-1, x>2", "(-\\infty, -1) \\cup (2, \\infty)", true),
        ("0 \\le x \\le 1 \\text{ or } 2 \\le x \\le 3", "[0, 1] \\cup [2, 3]", true),
        ("|x| \\le 2", "[-2, 2]", true), ("[-2, 2]", "|x| \\le 2", true), ("|x| \\le 2", "-2 \\le x \\le 2", true),
        ("|x| > 3", "(-\\infty,-3)\\cup(3,\\infty)", true), ("|x| \\ge 3", "(-\\infty,-3]\\cup[3,\\infty)", true),
        ("x \\neq 0", "(-\\infty,0)\\cup(0,\\infty)", true), ("(-\\infty,1)\\cup(1,\\infty)", "x \\ne 1", true),
        // Another set, another variable, or one interval of two: wrong.
        ("x < -1 \\text{ or } x > 3", "(-\\infty, -1) \\cup (2, \\infty)", false),
        ("x < -1 \\text{ or } y > 2", "(-\\infty, -1) \\cup (2, \\infty)", false),
        ("x \\le -1 \\text{ or } x > 2", "(-\\infty, -1) \\cup (2, \\infty)", false),
        ("x < -1 \\text{ or } x > 2", "(2, \\infty)", false), ("|x| \\ge 3", "(-\\infty,-3)\\cup(3,\\infty)", false),
        ("|x| < 2", "[-2,2]", false), ("|x-1| \\le 2", "[-2,2]", false), ("x \\ne 2", "(-\\infty,1)\\cup(1,\\infty)", false),
    ]

    @Test("relations against sets", arguments: relations)
    func relationsAgainstSets(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): an exact value with its approximation in parentheses.
    static let annotations: [(String, String, Bool)] = [
        ("\\frac{\\pi}{4} (\\approx 0.785)", "\\frac{\\pi}{4}", true), ("\\frac{\\pi}{4}", "\\frac{\\pi}{4} (\\approx 0.785)", true),
        ("0.785", "\\frac{\\pi}{4} \\, (\\approx 0.785)", true), ("1.41", "\\sqrt{2} (\\approx 1.41)", true),
        ("x = \\frac{\\pi}{4} \\; (\\approx 0.785)", "\\frac{\\pi}{4}", true),
        ("1.4", "\\sqrt{2} (\\approx 1.41)", false), ("\\frac{\\pi}{3}", "\\frac{\\pi}{4} (\\approx 0.785)", false),
        ("\\frac{\\pi}{4} (\\approx 0.785)", "\\frac{\\pi}{3}", false),
    ]

    @Test("annotations in parentheses", arguments: annotations)
    func parenthesisedAnnotations(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): integers written in another base with a subscript.
    static let bases: [(String, String, Bool)] = [
        ("1011_2", "11", true), ("11", "1011_2", true), ("1011_{2}", "11", true), ("212_3", "23", true),
        ("77_8", "63", true), ("77_{8}", "63", true), ("2_{10}", "2", true), ("1011_2", "1011_2", true),
        ("1011_2", "1011", false), ("77", "63", false), ("101_2", "7", false), ("19_8", "17", false),
    ]

    @Test("base subscripts", arguments: bases)
    func baseSubscripts(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): repeating decimals.
    static let repeating: [(String, String, Bool)] = [
        ("0.\\overline{3}", "\\frac{1}{3}", true), ("\\frac{1}{3}", "0.\\overline{3}", true), ("0.\\bar{3}", "\\frac13", true),
        ("0.1\\overline{6}", "\\frac{1}{6}", true), ("0.\\overline{36}", "\\frac{4}{11}", true), ("2.\\overline{3}", "\\frac{7}{3}", true),
        ("0.\\overline{9}", "1", true), ("0.\\overline{3}", "0.333", false), ("0.\\overline{16}", "\\frac{1}{6}", false),
        ("0.3", "\\frac{1}{3}", false), ("0.\\overline{3}", "\\frac{1}{6}", false),
    ]

    @Test("repeating decimals", arguments: repeating)
    func repeatingDecimals(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): values that are zero up to rounding in complex doubles.
    static let vanishing: [(String, String, Bool)] = [
        ("e^{i\\pi}+1", "0", true), ("0", "e^{i\\pi}+1", true), ("\\sin(\\pi)", "0", true), ("0", "\\cos(\\pi/2)", true),
        ("\\cos\\left(\\frac{\\pi}{2}\\right)", "0.0", true), ("\\tan(\\pi)", "0", true), ("e^{i\\pi}", "-1", true),
        ("e^{i\\pi}", "1", false), ("\\sin(\\pi/2)", "0", false), ("\\cos(\\pi/3)", "0", false), ("e^{i\\pi}+1", "0.001", false),
    ]

    @Test("irrational expressions equal to zero", arguments: vanishing)
    func vanishingValues(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): units in `\\text{}` or `\\mathrm{}` after a value.
    static let units: [(String, String, Bool)] = [
        ("4 \\mathrm{~m}", "4", true), ("4", "4 \\mathrm{~m}", true), ("4 \\mathrm{~kg}", "4", true), ("60\\text{ km/h}", "60", true),
        ("3 \\text{ m/s}^2", "3", true), ("12 \\mathrm{~cm}^{2}", "12", true), ("5\\text{ cm}", "5", true),
        ("60\\text{ km/h}", "50", false), ("4 \\mathrm{~m}", "5", false), ("\\text{yes}", "\\text{ yes}", true),
    ]

    @Test("units after a value", arguments: units)
    func unitsAfterValue(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): vectors in angle brackets.
    static let vectors: [(String, String, Bool)] = [
        ("\\langle 1, -2 \\rangle", "(1,-2)", true), ("(1,2,3)", "\\langle 1, 2, 3\\rangle", true),
        ("\\left\\langle 3, 4 \\right\\rangle", "(3,4)", true), ("\\langle 1, -2 \\rangle", "(-2,1)", false),
        ("\\langle 1, 2 \\rangle", "(1,2,3)", false),
    ]

    @Test("vectors in angle brackets", arguments: vectors)
    func angleBracketVectors(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): an inverse function named on the left of its formula.
    static let inverses: [(String, String, Bool)] = [
        ("f^{-1}(x)=2x-1", "2x-1", true), ("\\frac{x+2}{3}", "f^{-1}(x) = \\frac{x+2}{3}", true),
        ("f^{-1}(x)=2x-1", "2x+1", false), ("f^{2}(x)=2x-1", "2x-1", false),
    ]

    @Test("inverse functions", arguments: inverses)
    func inverseFunctions(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): Unicode spellings of numbers.
    static let unicode: [(String, String, Bool)] = [
        ("\u{BD}", "\\frac{1}{2}", true), ("\\frac{3}{4}", "\u{BE}", true), ("2\u{BD}", "\\frac52", true), ("\u{2154}", "\\frac23", true),
        ("2\u{2009}048\u{2009}000", "2048000", true), ("\u{2212}3", "-3", true), ("\u{BD}", "\\frac13", false), ("2\u{BD}", "2", false),
    ]

    @Test("Unicode spellings", arguments: unicode)
    func unicodeSpellings(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): solutions of a system joined by words, against a set of solutions.
    static let systems: [(String, String, Bool)] = [
        ("x=3,y=1 \\text{ or } x=-3,y=1", "(3,1),(-3,1)", true), ("(3,1),(-3,1)", "x=3,y=1 \\text{ or } x=-3,y=1", true),
        ("x=3,y=1 \\text{ and } x=-3,y=1", "\\{(3,1),(-3,1)\\}", true),
        ("a=1,b=2,c=3 \\text{ or } a=4,b=5,c=6", "(1,2,3),(4,5,6)", true), ("1, 2, and 3", "1, 2, 3", true),
        ("1, 2 and 3", "\\{1, 2, 3\\}", true), ("x=3,y=1 \\text{ or } x=3,y=-1", "(3,1),(-3,1)", false),
        ("x=3,y=1 \\text{ or } x=-3,y=1", "(3,1)", false), ("x=3,y=1 \\text{ or } x=-3,y=1", "3", false),
    ]

    @Test("systems' solutions joined by words", arguments: systems)
    func systemsJoinedByWords(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): a choice letter written with its value.
    static let choices: [(String, String, Bool)] = [
        ("E", "\\textbf{(E)}\\ 24", true), ("24", "\\textbf{(E)}\\ 24", true), ("(E)", "\\textbf{(E)}\\ 24", true),
        ("\\textbf{(E)}", "\\textbf{(E)}\\ 24", true), ("24", "\\textbf{(E) }24", true), ("B", "\\text{(B)}\\ 5", true),
        ("0.5", "\\mathrm{(B)}\\ \\frac{1}{2}", true), ("(E)\\ 24", "\\textbf{(E)}\\ 24", true), ("\\textbf{(E)}\\ 24", "E", true),
        ("(E) 24", "24", true), ("D", "\\textbf{(E)}\\ 24", false), ("25", "\\textbf{(E)}\\ 24", false),
        ("(D)\\ 24", "\\textbf{(E)}\\ 24", false), ("(D) 25", "24", false), ("(A)", "B", false),
        // Against a bare letter only the letter counts: another letter as the value is a hedge.
        ("(B) A", "A", false), ("(B)\\ A", "\\textbf{(A)}", false), ("A", "\\textbf{(B)}\\ A", false),
        ("(A) 7", "A", true), ("(A) 7", "(A)", true),
    ]

    @Test("choice letters with their values", arguments: choices)
    func choicesWithValues(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): sums and products in sigma and pi notation.
    static let sums: [(String, String, Bool)] = [
        ("\\sum_{i=1}^{3} i", "6", true), ("\\sum_{i=1}^{n} b_i a_i", "\\sum_{i=1}^{n} a_i b_i", true),
        ("\\sum_{i=1}^{4} i^2", "30", true), ("\\prod_{i=1}^{3} (i+1)", "24", true), ("\\sum_{e=1}^{3} e", "6", true),
        ("\\sum_{i=1}^{3} i", "3i", false), ("\\sum_{i=1}^{3} i + i", "6+i", true), ("\\sum_{i=1}^{3} i", "7", false),
        // Symbolic bounds against a closed form: the bounds' symbols take whole values.
        ("\\frac{n(n+1)}{2}", "\\sum_{k=1}^{n} k", true), ("\\sum_{k=1}^{n} k^2", "\\frac{n(n+1)(2n+1)}{6}", true),
        ("2^{n+1}-1", "\\sum_{k=0}^{n} 2^k", true), ("n+1", "\\prod_{k=1}^{n} \\frac{k+1}{k}", true),
        ("n^2", "\\sum_{i=1}^{n} (2i-1)", true), ("\\frac{n(n-1)}{2}", "\\sum_{k=1}^{n} k", false),
        ("2^{n}-1", "\\sum_{k=0}^{n} 2^k", false), ("n^2+1", "\\sum_{i=1}^{n} (2i-1)", false),
        ("\\frac{n(n+1)(2n-1)}{6}", "\\sum_{k=1}^{n} k^2", false),
    ]

    @Test("sums and products", arguments: sums)
    func sumsAndProducts(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }

    /// (response, ground truth, verdict): the real line in words.
    static let realLine: [(String, String, Bool)] = [
        ("\\text{all real numbers}", "(-\\infty,\\infty)", true), ("(-\\infty,\\infty)", "\\text{All real numbers}", true),
        ("\\text{all real numbers}", "\\mathbb{R}", true), ("x \\in \\mathbb{R}", "\\text{all real numbers}", true),
        ("\\text{all real numbers}", "(0,\\infty)", false), ("\\text{no real numbers}", "\\text{all real numbers}", false),
        // The real line without some numbers.
        ("\\mathbb{R}\\setminus\\{1, -1\\}", "(-\\infty,-1)\\cup(-1,1)\\cup(1,\\infty)", true),
        ("\\mathbb{R} \\setminus \\{0\\}", "(-\\infty, 0) \\cup (0, +\\infty)", true), ("x \\neq 2", "\\mathbb{R}\\setminus\\{2\\}", true),
        ("\\mathbb{R}\\setminus\\{3\\}", "\\mathbb{R}\\setminus\\{2\\}", false), ("(-\\infty,2]\\cup(2,\\infty)", "\\mathbb{R}\\setminus\\{2\\}", false),
    ]

    @Test("the real line in words", arguments: realLine)
    func realLineInWords(case: (String, String, Bool)) {
        #expect(Self.judge(`case`.0, `case`.1) == `case`.2)
    }
}
