import Testing
@testable import AnswerCheck

/// Forms that other graders' test suites exercise (issue 13, second pass), with cases written for
/// this project. Each pair is judged both ways round unless it is prose, as the service would see it.
@Suite("Math checker: forms from peer graders' suites")
struct MathPeerFormsTests {
    /// The verdict for `prediction` against `gold`, and, when `both`, for the pair swapped.
    static func verdicts(_ prediction: String, _ gold: String, both: Bool = true) -> [Bool] {
        let forward = MathHeldOutFormsTests.judge(prediction, gold)
        return both ? [forward, MathHeldOutFormsTests.judge(gold, prediction)] : [forward]
    }

    /// (prediction, ground truth, verdict): `million`, `billion` scale the number; they are no unit.
    static let magnitudes: [(String, String, Bool)] = [
        ("6 million", "6000000", true), ("6\\text{ million}", "6000000", true), ("1.25 billion", "1250000000", true),
        ("3 trillion", "3000000000000", true), ("\\$2.4 million", "2400000", true), ("9 thousand", "9000", true),
        ("2.4 million dollars", "2400000", true), ("6million", "6000000", true),
        // The bare number is a millionth of the answer; a wrong multiple stays wrong.
        ("6 million", "6", false), ("6\\text{ million}", "6", false), ("60 million", "6000000", false),
        ("6 billion", "6000000", false),
    ]

    @Test("magnitude words scale the value", arguments: magnitudes)
    func magnitudeWords(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): unit words written against the number.
    static let gluedUnits: [(String, String, Bool)] = [
        ("11weeks", "11", true), ("11days", "11", true), ("40minutes", "40", true), ("15dollars", "15", true),
        ("11weeks", "12", false), ("40minutes", "4", false),
        // An unknown word after a digit is still a product of variables.
        ("2ab", "2", false), ("3xyz", "3", false),
    ]

    @Test("unit words without a space", arguments: gluedUnits)
    func unitWordsWithoutSpace(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): ordinals written with a raised suffix.
    static let ordinals: [(String, String, Bool)] = [
        ("9^{\\text{th}}", "9", true), ("9^{th}", "9", true), ("21^\\text{st}", "21", true), ("9\\text{th}", "9", true),
        ("9^{\\text{th}}", "8", false), ("9^{t}", "9", false),
    ]

    @Test("ordinal suffixes", arguments: ordinals)
    func ordinalSuffixes(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): "no" is the answer to a yes-or-no question.
    static let yesNo: [(String, String, Bool)] = [
        ("No", "\\text{no}", true), ("NO", "no", true), ("\\text{No}", "No", true),
        ("No", "\\text{yes}", false), ("Yes", "\\text{no}", false), ("ab", "\\text{no}", false),
    ]

    @Test("no as a text answer", arguments: yesNo)
    func noAnswer(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): a list that trails off is endless, not the finite list.
    static let ellipses: [(String, String, Bool)] = [
        ("$2, 4, 6, 8, \\ldots$", "2, 4, 6, 8", false), ("$2, 4, 6, 8, ...$", "2, 4, 6, 8", false),
        ("2, 4, 6, \\dots", "\\{2, 4, 6\\}", false),
        ("2, 4, 6, 8, \\ldots", "2, 4, 6, 8, \\dots", true), ("2, 4, 6, 8, ...", "2, 4, 6, 8, \\cdots", true),
        // Between terms of a sum an ellipsis is still spacing, not an item.
        ("a_1 + a_2 + \\cdots + a_n", "a_1 + a_2 + \\dots + a_n", true),
    ]

    @Test("trailing ellipsis", arguments: ellipses)
    func trailingEllipsis(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): sums and products of matrices written bare.
    static let matrixFormulas: [(String, String, Bool)] = [
        ("\\begin{pmatrix}2 & 0 \\\\ 1 & 3\\end{pmatrix} + \\begin{pmatrix}1 & 1 \\\\ 4 & 2\\end{pmatrix}",
         "\\begin{pmatrix}3 & 1 \\\\ 5 & 5\\end{pmatrix}", true),
        ("\\begin{pmatrix}0 & 1 \\\\ 1 & 0\\end{pmatrix}\\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}",
         "\\begin{pmatrix}7 & 8 \\\\ 5 & 6\\end{pmatrix}", true),
        ("\\begin{pmatrix}2 & 0 \\\\ 1 & 3\\end{pmatrix} + \\begin{pmatrix}1 & 1 \\\\ 4 & 2\\end{pmatrix}",
         "\\begin{pmatrix}3 & 1 \\\\ 5 & 6\\end{pmatrix}", false),
        ("\\begin{pmatrix}0 & 1 \\\\ 1 & 0\\end{pmatrix}\\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}", "8", false),
    ]

    @Test("bare matrix formulas are extracted whole", arguments: matrixFormulas)
    func matrixFormula(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1, both: false) == [`case`.2])
    }

    /// (prediction, ground truth, verdict): `y = ...` and `f(x) = ...` define the same function.
    static let graphs: [(String, String, Bool)] = [
        ("y = 4x + 7", "f(x) = 4x + 7", true), ("g(t) = t^2 - 1", "y = t^2 - 1", true), ("y = 7 + 4x", "h(x) = 4x + 7", true),
        ("y = 4x - 7", "f(x) = 4x + 7", false), ("x = 4y + 7", "f(y) = 4y + 7", false), ("z = 4x + 7", "f(x) = 4x + 7", false),
    ]

    @Test("y and f(x) name one function", arguments: graphs)
    func functionNames(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): prime factorisations written with spaces for products.
    static let factorisations: [(String, String, Bool)] = [
        ("2^3 3^2 11", "2^3 \\cdot 3^2 \\cdot 11", true), ("2^3 3^2 11", "792", true), ("5^2 7^3", "8575", true),
        ("2^3 3^2 11", "2^3 \\cdot 3^2 \\cdot 13", false), ("5^2 7^3", "5^2 + 7^3", false),
    ]

    @Test("spaced factorisations", arguments: factorisations)
    func spacedFactorisation(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): a degree mark inside a trigonometric function is an angle.
    static let trigDegrees: [(String, String, Bool)] = [
        ("\\sin 150^\\circ", "\\frac12", true), ("\\cos 120^{\\circ}", "-\\frac{1}{2}", true), ("\\tan 60^\\circ", "\\sqrt{3}", true),
        ("2\\sin(45^\\circ)", "\\sqrt2", true), ("\\sin(90^\\circ - t)", "\\cos t", true),
        ("\\cos 120^\\circ", "\\frac12", false), ("\\sin 150^\\circ", "\\sin 150", false),
        // Outside a function a degree is still the number it marks, apart from radians.
        ("150^\\circ", "\\frac{5\\pi}{6}", false), ("150^\\circ", "150", true),
    ]

    @Test("degrees inside trigonometric functions", arguments: trigDegrees)
    func degreesInTrigonometry(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): `\sin^{-1}` is the inverse function, not a reciprocal.
    static let inverseTrig: [(String, String, Bool)] = [
        ("\\sin^{-1}\\frac{1}{2}", "\\frac{\\pi}{6}", true), ("\\cos^{-1}(0)", "\\frac{\\pi}{2}", true),
        ("\\tan^{-1}(\\sqrt3)", "\\frac{\\pi}{3}", true), ("\\sin^{-1}(\\frac{\\sqrt2}{2})", "\\frac{\\pi}{4}", true),
        ("\\sin^{-1}(1)", "1", false), ("\\sin^{-1} x", "\\frac{1}{\\sin x}", false),
        ("\\sin^{-2} x", "\\frac{1}{\\sin^2 x}", true),
    ]

    @Test("inverse trigonometric functions written as powers", arguments: inverseTrig)
    func inverseTrigonometry(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): `**` as programs write powers, `{n \choose k}`, currency commands.
    static let notations: [(String, String, Bool)] = [
        ("3**4", "81", true), ("2**-1", "0.5", true), ("x**2 + 1", "x^2+1", true), ("3**4", "12", false),
        ("{7 \\choose 3}", "35", true), ("{7 \\choose 3}", "\\binom{7}{3}", true), ("{7 \\choose 3}", "21", false),
        ("\\textdollar 12", "12", true), ("\\pounds 12.50", "12.5", true), ("\\textdollar 12", "13", false),
    ]

    @Test("program powers and choose", arguments: notations)
    func powerAndChooseNotation(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (response, ground truth, verdict): short sentences are prose, not formulas.
    static let sentences: [(String, String, Bool)] = [
        ("The probability is 0.4.", "\\frac25", true), ("Thus, y = 12.", "12", true), ("The total is 7/8", "\\frac78", true),
        ("所以答案是 36", "36", true), ("The answers are 4 and 9.", "4, 9", true), ("The correct option is (D).", "D", true),
        ("The probability is 0.4.", "0.5", false), ("The answers are 4 and 9.", "4", false),
        ("The correct option is (D).", "C", false), ("Thus, y = 12.", "13", false),
        ("The simplest option is to add 2. Then we get 9.", "9", true),
        // A formula with a one-letter variable, or words inside \text{...}, is still a formula.
        ("x = 12", "12", true), ("12 \\text{ is the count}", "12", true),
    ]

    @Test("short sentences are read as prose", arguments: sentences)
    func shortSentences(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1, both: false) == [`case`.2])
    }

    /// (prediction, ground truth, verdict): a set written by its condition is that set.
    static let setBuilders: [(String, String, Bool)] = [
        ("\\{x \\mid x > 4\\}", "(4, \\infty)", true), ("\\{t : -2 \\le t < 5\\}", "[-2, 5)", true),
        ("\\{x \\in \\mathbb{R} \\mid x \\ne 3\\}", "(-\\infty,3)\\cup(3,\\infty)", true), ("\\{x \\mid x > 4\\}", "x > 4", true),
        ("\\{x | x \\ge 4\\}", "(4,\\infty)", false), ("\\{x \\mid y > 4\\}", "(4,\\infty)", false),
        ("\\{t : -2 \\le t < 5\\}", "[-2, 5]", false), ("\\{4, 5\\}", "\\{5, 4\\}", true),
    ]

    @Test("set-builder notation", arguments: setBuilders)
    func setBuilderNotation(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): a system in a `cases` environment is its list of equations.
    static let systems: [(String, String, Bool)] = [
        ("\\begin{cases} p+q=\\frac14 \\\\ p-q=5 \\end{cases}", "\\begin{cases} p+q=0.25\\\\ p-q=5\\end{cases}", true),
        ("\\begin{cases} p-q=5 \\\\ p+q=\\frac14 \\end{cases}", "p+q=0.25, p-q=5", true),
        ("\\begin{cases} p+q=\\frac14 \\\\ p-q=5 \\end{cases}", "\\begin{cases} p+q=0.25\\\\ p-q=6\\end{cases}", false),
        ("\\begin{cases} p+q=\\frac14 \\end{cases}", "\\begin{cases} p+q=0.25\\\\ p-q=5\\end{cases}", false),
    ]

    @Test("systems of equations in cases", arguments: systems)
    func casesSystems(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (prediction, ground truth, verdict): the empty set named in words.
    static let emptySets: [(String, String, Bool)] = [
        ("\\text{no solution}", "\\emptyset", true), ("no real solutions", "\\varnothing", true),
        ("\\text{the empty set}", "\\{\\}", true), ("the empty set", "\\emptyset", true),
        ("\\text{no solution}", "\\{0\\}", false), ("\\text{one solution}", "\\emptyset", false),
    ]

    @Test("the empty set in words", arguments: emptySets)
    func emptySetWords(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1) == [`case`.2, `case`.2])
    }

    /// (response, ground truth, verdict): a tuple of numbers that ends the prose is the answer.
    static let trailingTuples: [(String, String, Bool)] = [
        ("Therefore the point is (4, -7).", "(4,-7)", true), ("The range is [-3, 5].", "[-3, 5]", true),
        ("Therefore the point is (4, -7).", "-7", false), ("Therefore the point is (4, -7).", "(-7,4)", false),
        // Commas that group thousands keep the number whole.
        ("The total is (4,000).", "4000", true),
    ]

    @Test("a tuple that ends the prose", arguments: trailingTuples)
    func tupleEndingProse(case: (String, String, Bool)) {
        #expect(Self.verdicts(`case`.0, `case`.1, both: false) == [`case`.2])
    }
}

