/// A parsed answer: a scalar expression or a structure built from expressions.
///
/// Only the cases that hold a node directly are `indirect`: a leaf (a number, a symbol) and the
/// cases holding arrays are stored inline, so most nodes cost no allocation of their own.
enum Node: Sendable, Equatable {
    /// An exact number as written.
    case number(Rational)
    /// A free variable (`x`, `a_{3}`); subscripts are part of the name.
    case symbol(String)
    /// A named constant.
    case constant(Constant)
    indirect case add(Node, Node)
    indirect case mul(Node, Node)
    indirect case div(Node, Node)
    indirect case pow(Node, Node)
    indirect case neg(Node)
    /// `a ± b`: two alternatives, expanded before comparison.
    indirect case plusMinus(Node, Node)
    /// A one-argument function.
    indirect case call(Function, Node)
    /// `\log_b x`.
    indirect case log(base: Node, Node)
    /// `\sqrt[n]{x}`.
    indirect case root(index: Node, Node)
    indirect case binomial(Node, Node)
    /// `\sum_{v=lo}^{hi} body`, or `\prod_{v=lo}^{hi} body` when `product`.
    indirect case sum(variable: String, lower: Node, upper: Node, body: Node, product: Bool)
    /// `a:b`, compared part by part.
    indirect case ratio(Node, Node)
    /// Ordered elements in brackets: tuples and intervals (`(a,b)`, `[a,b)`).
    case tuple(open: UInt8, close: UInt8, [Node])
    /// `\{a, b\}`: unordered.
    case set([Node])
    /// A bare comma list (`1, 2, 3`): unordered unless compared with a tuple.
    case list([Node])
    case matrix([[Node]])
    case union([Node])
    /// A chain of relations: `operands.count == ops.count + 1`.
    case relation([Relation], [Node])
    /// Words that are the answer itself (`odd`, `Monday`), case-folded.
    case text(String)
}

/// Named constants.
enum Constant: Sendable, Equatable {
    case pi, e, i, infinity
}

/// One-argument functions.
enum Function: String, Sendable, Equatable {
    case sin, cos, tan, sec, csc, cot
    case arcsin, arccos, arctan
    case sinh, cosh, tanh
    case ln, exp, sqrt, abs, floor, ceil, factorial
}

/// Relation operators, already oriented by the parser.
enum Relation: Sendable, Equatable {
    case equal, approx, notEqual, less, lessEqual, greater, greaterEqual, member
}

extension Node {
    static func sub(_ a: Node, _ b: Node) -> Node { .add(a, .neg(b)) }

    /// Whether the node is a structure rather than a scalar expression.
    var isStructure: Bool {
        switch self {
        case .tuple, .set, .list, .matrix, .union, .relation, .text: true
        default: false
        }
    }
}
