/// How components combine into the reward: a preset or a custom expression, parsed once.
public struct Formula: Sendable, Hashable {
    /// The expression tree.
    indirect enum Node: Sendable, Hashable {
        case number(Double)
        case component(ComponentName)
        /// A custom judged component, by name.
        case custom(String)
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
    /// The custom judged components the formula names, sorted.
    public let customComponents: [String]

    init(root: Node, source: String) {
        self.root = root
        self.source = source
        var components: Set<ComponentName> = []
        var custom: Set<String> = []
        Self.collect(root, &components, &custom)
        self.components = components
        self.customComponents = custom.sorted()
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
    /// `custom` holds the custom components' values by name.
    public func evaluate(_ values: ComponentMap<Double>, custom: [String: Double] = [:]) -> Double? {
        Self.evaluate(root, values, custom)
    }

    private static func evaluate(_ node: Node, _ values: ComponentMap<Double>, _ custom: [String: Double]) -> Double? {
        switch node {
        case .number(let value):
            return value
        case .component(let name):
            return values[name]
        case .custom(let name):
            return custom[name]
        case .negate(let inner):
            return evaluate(inner, values, custom).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            let left = evaluate(lhs, values, custom)
            if op == .multiply, left == 0 { return 0 }
            let right = evaluate(rhs, values, custom)
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
                guard let value = evaluate(argument, values, custom) else { return nil }
                results.append(value)
            }
            return function == .min ? results.min() : results.max()
        }
    }

    /// Collects the built-in and the custom components `node` names.
    private static func collect(_ node: Node, _ components: inout Set<ComponentName>, _ custom: inout Set<String>) {
        switch node {
        case .number: break
        case .component(let name): components.insert(name)
        case .custom(let name): custom.insert(name)
        case .negate(let inner): collect(inner, &components, &custom)
        case .binary(_, let lhs, let rhs):
            collect(lhs, &components, &custom)
            collect(rhs, &components, &custom)
        case .call(_, let arguments):
            for argument in arguments { collect(argument, &components, &custom) }
        }
    }
}
