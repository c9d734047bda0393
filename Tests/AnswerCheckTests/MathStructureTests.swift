import Testing
@testable import AnswerCheck

@Suite("Math checker: expressions and structures")
struct MathStructureTests {
    let checker = MathAnswerChecker()

    /// (answer, ground truth) pairs that must be judged equivalent.
    static let equal: [(String, String)] = [
        // Issue 13: an inequality or a membership and the set it describes are one answer, either way round.
        ("x \\geq 2", "[2,\\infty)"), ("0 < x < 12.5", "(0,12.5)"), ("x>3", "(3,\\infty)"), ("0 < t \\le 5", "(0,5]"),
        ("t \\in (0,5]", "(0,5]"), ("0 < t \\le 5", "t \\in (0,5]"), ("t \\in (0,5]", "0 < t \\le 5"),
        ("(3,8] \\cup \\{2\\}", "\\{2\\} \\cup (3,8]"), ("x \\in \\{2\\} \\cup (3,8]", "\\{2\\} \\cup (3,8]"),
        ("x^2+2x+1", "(x+1)^2"), ("x^5+5x^4+10x^3+10x^2+5x+1", "(x+1)^5"), ("\\frac{x^2-1}{x-1}", "x+1"),
        ("(a+b)(a-b)", "a^2-b^2"), ("\\frac{x}{7}+\\frac{2}{7}", "\\frac{x+2}{7}"), ("ba", "ab"), ("a/b", "\\frac{a}{b}"),
        ("x^{-1}", "\\frac{1}{x}"), ("\\left|x\\right|", "|x|"), ("\\sec^2(y)", "\\tan^2(y)+1"),
        ("\\sin 2x", "2\\sin x\\cos x"), ("1", "\\sin^2 x+\\cos^2 x"), ("3", "\\log_2 8"), ("1", "\\ln e"),
        ("10", "\\binom{5}{2}"), ("120", "5!"), ("1", "0!"), ("1", "1!"), ("2432902008176640000", "20!"),
        ("51090942171709440000", "21!"), ("\\frac{1}{6}", "\\frac{1}{3!}"), ("3", "\\lfloor 3.7 \\rfloor"), ("55", "\\sum_{k=1}^{10} k"),
        ("2\\sqrt2", "\\sqrt{8}"), ("\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt{2}}{2}"), ("\\sqrt[3]{27}", "3"),
        ("(1+\\sqrt{2})^2", "3+2\\sqrt{2}"), ("sqrt(3)", "\\sqrt{3}"), ("\\frac{1}{\\sqrt{n}}", "\\sqrt{1/n}"),
        ("\\frac94\\pi", "\\frac{9}{4}\\pi"), ("pi/2", "\\frac{\\pi}{2}"), ("-2*pi", "-2\\pi"), ("r^2\\pi", "\\pi r^2"),
        ("4i+3", "3+4i"), ("\\sqrt{-1}", "i"), ("1+\\mathrm{i}", "1+i"), ("14.0 + -1.0i", "14-i"), ("-1", "e^{i\\pi}"),
        ("-1 + exp(16)", "e^{16}-1"), ("1267650600228229401496703205376", "2^{100}"),
        ("(1, 4.5)", "(1,\\frac{9}{2})"), ("\\left[0,1\\right)", "[0,1)"), ("(1,\\infty)\\cup(-\\infty,-1)", "(-\\infty,-1)\\cup(1,\\infty)"),
        ("(-\\infty,\\infty)", "\\mathbb{R}"), ("(1, \\infty)", "(1, +\\infty)"), ("[2,\\infty)", "x \\geq 2"),
        ("(0,1)", "0<x<1"), ("[1,3)", "1 \\le x < 3"), ("m \\in [\\sqrt{2}, +\\infty)", "m \\geq \\sqrt{2}"),
        ("\\{3,2,1\\}", "\\{1,2,3\\}"), ("3,2,1", "1,2,3"), ("1 \\text{ and } 2", "1, 2"), ("1 or 2", "1, 2"),
        ("\\{-2,2\\}", "\\pm 2"), ("-2, 2", "\\pm 2"), ("\\{\\}", "\\emptyset"), ("\\varnothing", "\\emptyset"),
        ("\\{0.5, -1\\}", "\\{-1, \\frac{1}{2}\\}"), ("\\{1,2\\}", "(1,2)"), ("1, 2", "(1,2)"), ("(3,2)", "(p,q)=(3,2)"),
        ("\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}"),
        // Lists in another order: items written identically are paired first, the rest by equivalence,
        // and a repeated or re-spelled item is no extra answer.
        ("(4, 0, 6), (0, -2, 0), (0, 0, 0)", "(0;0;0),(0;-2;0),(4;0;6)"), ("2, 1, \\frac{4}{2}", "1, 2, 2"),
        ("\\{0.5, 1, 1\\}", "\\{1, \\frac{1}{2}\\}"), ("(3,4),(1,2),(3,4)", "(1,2),(3,4)"), ("2, 1", "1, 2, 2"),
        ("\\begin{pmatrix}0.5&0\\\\0&1\\end{pmatrix}", "\\begin{pmatrix}\\frac12&0\\\\0&1\\end{pmatrix}"),
        ("\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix} + \\begin{pmatrix}5 & 6 \\\\ 7 & 8\\end{pmatrix}", "\\begin{pmatrix}6 & 8 \\\\ 10 & 12\\end{pmatrix}"),
        ("3", "x=3"), ("x = 3", "3"), ("2x+1", "y=2x+1"), ("y=1+2x", "y=2x+1"), ("2x - y + 1 = 0", "y=2x+1"),
        ("y=-\\frac{1}{2}x+\\frac{3}{4}", "2x+4y-3=0"), ("x^2/16 + y^2/12 = 1/4", "x^2/4 + y^2/3 = 1"),
        ("x=2, x=1", "x=1, x=2"), ("b=3, a=2", "a=2, b=3"), ("2, 3", "a=2, b=3"), ("x = 5+5+1 = 7 =11", "x = 11"),
        ("x\\approx11", "11"), ("3<x", "x>3"), ("-x > -1", "x < 1"), ("5 \\geq x", "x \\leq 5"), ("x \\neq 3", "x != 3"),
        ("\\text{Yes}", "\\text{yes}"), ("odd", "\\text{odd}"), ("\\text{(C)}", "\\text{C}"), ("\\frac{3}{8}\\text{ of the cake}", "\\frac{3}{8}"),
        ("[-2,-1)\\cup(1,2]", "1<|z|\\le 2"), ("(5,2),(7,2)", "p=5,q=2;p=7,q=2"), ("\\{-12, -11\\}", "-12;-11"), ("12:00", "12:00"), ("7:32", "S_{MBCN}:S=7:32"), ("1", "|AB|=1"),
    ]

    /// Pairs that must be judged different.
    static let different: [(String, String)] = [
        ("(x-1)^2", "x^2-1"), ("x^5+5x^4+10x^3+10x^2+5x+2", "(x+1)^5"), ("(a+b)^2", "a^2+b^2"), ("x+2", "x+1"), ("y+1", "x+1"), ("4\\pi^2", "4\\pi"), ("\\frac{\\sqrt{3}}{2}", "\\frac{\\sqrt{2}}{2}"),
        ("1 + \\frac{1}{e}", "1 - \\frac{1}{e}"), ("3-4i", "3+4i"), ("2j", "2i"), ("6!", "6"), ("\\frac{\\pi}{6}", "30"),
        ("90^\\circ", "\\frac{\\pi}{2}"), ("\\frac{1}{3 \\cdot 2^{2006}}", "\\frac{2^{2005}+1}{3 \\cdot 2^{2006}}"),
        ("(0,1]", "[0,1)"), ("\\{0,1\\}", "[0,1)"), ("[0,1]", "[0,1)"), ("(-\\infty,2)", "(-\\infty, 2]"), ("(2, 1)", "(1,2)"), ("(1,2)", "(1,2,3)"),
        ("0 < t < 5", "(0,5]"), ("t \\in [0,5]", "0 < t \\le 5"), ("t \\le 5", "(0,5]"),
        ("\\{1,2,3\\}", "\\{1,2\\}"), ("1", "\\{1,2\\}"), ("2", "\\pm 2"), ("1728", "1331 and 1728"), ("5,6", "5"),
        ("\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}"), ("(1,2)", "\\begin{pmatrix}1\\\\2\\end{pmatrix}"),
        ("y=3", "x=3"), ("x=4", "x=3"), ("x^2+y^2=2", "x^2+y^2=1"), ("3x+4y+14=0", "3x-y+13=0"), ("x\\ge3", "x>3"),
        ("x < 5", "x > 5"), ("11a+c", "7 = 11a+c"), ("0", "a +3z = 0"), ("Y(x)=A+\\frac{B}{x}-x", "Y(x)=-x+C+\\frac{D}{x}"),
        ("2432902008176640001", "20!"), ("24", "5!"), ("0", "0!"), ("\\frac{1}{24}", "\\frac{1}{3!}"),
        ("\\text{no}", "\\text{yes}"), ("\\text{three}", "3"), ("1:00", "12:00"), ("x", "3"),
        ("(4, 0, 6), (0, -2, 0)", "(0;0;0),(0;-2;0),(4;0;6)"), ("(4, 0, 6), (0, 2, 0), (0, 0, 0)", "(0;0;0),(0;-2;0),(4;0;6)"),
        ("1, 2, 3", "1, 2, 2"), ("(3,4),(1,2),(5,6)", "(1,2),(3,4)"), ("(4,3),(1,2)", "(1,2),(3,4)"), ("\\{0.5, 1, 2\\}", "\\{1, \\frac{1}{2}\\}"),
    ]

    @Test("equivalent expressions and structures", arguments: equal)
    func equivalentPairs(pair: (String, String)) {
        #expect(checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6) == .correct)
    }

    @Test("different expressions and structures", arguments: different)
    func differentPairs(pair: (String, String)) {
        #expect(!checker.check(answer: pair.0, groundTruth: pair.1, tolerance: 1e-6).isCorrect)
    }
}
