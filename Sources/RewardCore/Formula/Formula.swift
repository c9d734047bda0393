/// How components combine into the reward: a preset or a custom expression, parsed once.
public struct Formula: Sendable, Hashable {
    /// The expression tree.
    indirect enum Node: Sendable, Hashable {
        case number(Double)
        case component(ComponentName)
        case negate(Node)
        case binary(Operator, Node, Node)
        case call(Function, [Node])
    }

    /// A binary arithmetic operator.
    enum Operator: Character, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// A function a formula may call.
    enum Function: String, Sendable, Hashable {
        case min, max
    }

    let root: Node
    /// The formula as written, or the preset's expression.
    public let source: String
    /// The components the formula names.
    public let components: Set<ComponentName>

    init(root: Node, source: String) {
        self.root = root
        self.source = source
        self.components = Self.components(in: root)
    }

    /// SAIL-RL's cascading product: `alpha * (judge * think * answer) + (1 - alpha) * format`.
    public static func sail(alpha: Double) -> Formula {
        let product = Node.binary(.multiply, .binary(.multiply, .component(.judge), .component(.think)), .component(.answer))
        return weighted(product, alpha: alpha, source: "\(alpha) * (judge * think * answer) + \(1 - alpha) * format")
    }

    /// The plain RLVR baseline: `alpha * answer + (1 - alpha) * format`.
    public static func answerFormat(alpha: Double) -> Formula {
        weighted(.component(.answer), alpha: alpha, source: "\(alpha) * answer + \(1 - alpha) * format")
    }

    /// The answer alone.
    public static let answerOnly = Formula(root: .component(.answer), source: "answer")

    private static func weighted(_ term: Node, alpha: Double, source: String) -> Formula {
        let root = Node.binary(
            .add, .binary(.multiply, .number(alpha), term), .binary(.multiply, .number(1 - alpha), .component(.format)))
        return Formula(root: root, source: source)
    }

    /// The reward for known component values, or nil while it still depends on an unknown one.
    /// A product with a known zero factor is zero whatever the other factor is: that is the short-circuit.
    public func evaluate(_ values: ComponentMap<Double>) -> Double? {
        Self.evaluate(root, values)
    }

    private static func evaluate(_ node: Node, _ values: ComponentMap<Double>) -> Double? {
        switch node {
        case .number(let value):
            return value
        case .component(let name):
            return values[name]
        case .negate(let inner):
            return evaluate(inner, values).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            let left = evaluate(lhs, values)
            if op == .multiply, left == 0 { return 0 }
            let right = evaluate(rhs, values)
            if op == .multiply, right == 0 { return 0 }
            if op == .divide, left == 0, right != 0 { return 0 }
            guard let left, let right else { return nil }
            switch op {
            case .add: return left + right
            case .subtract: return left - right
            case .multiply: return left * right
            case .divide: return left / right
            }
        case .call(let function, let arguments):
            var results: [Double] = []
            for argument in arguments {
                guard let value = evaluate(argument, values) else { return nil }
                results.append(value)
            }
            return function == .min ? results.min() : results.max()
        }
    }

    private static func components(in node: Node) -> Set<ComponentName> {
        switch node {
        case .number: []
        case .component(let name): [name]
        case .negate(let inner): components(in: inner)
        case .binary(_, let lhs, let rhs): components(in: lhs).union(components(in: rhs))
        case .call(_, let arguments): arguments.reduce(into: Set()) { $0.formUnion(components(in: $1)) }
        }
    }
}
