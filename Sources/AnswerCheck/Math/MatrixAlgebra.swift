/// Sums and products of literal matrices (`A + B`, `A B`, `2A`), multiplied out into one matrix
/// of expressions so that the comparison sees entries.
enum MatrixAlgebra {
    /// At most this many matrix operations are multiplied out: entries of a product share the
    /// entries of its factors, so a long chain would make a tree exponentially large to walk.
    static let maxOperations = 8

    static func fold(_ node: Node) throws(MathFailure) -> Node {
        var operations = 0
        return try multiply(node, &operations)
    }

    private static func multiply(_ node: Node, _ operations: inout Int) throws(MathFailure) -> Node {
        switch node {
        case .add(let a, let b):
            guard case .matrix(let x) = try multiply(a, &operations),
                  case .matrix(let y) = try multiply(b, &operations) else { return node }
            guard x.count == y.count, zip(x, y).allSatisfy({ $0.count == $1.count }) else { throw .unparseable }
            try count(&operations)
            return .matrix(zip(x, y).map { zip($0, $1).map { .add($0, $1) } })
        case .neg(let a):
            guard case .matrix(let x) = try multiply(a, &operations) else { return node }
            return .matrix(x.map { $0.map { .neg($0) } })
        case .mul(let a, let b):
            let left = try multiply(a, &operations)
            let right = try multiply(b, &operations)
            switch (left, right) {
            case (.matrix(let x), .matrix(let y)):
                try count(&operations)
                return .matrix(try product(x, y))
            case (.matrix(let x), _) where !right.isStructure: return .matrix(x.map { $0.map { .mul($0, right) } })
            case (_, .matrix(let y)) where !left.isStructure: return .matrix(y.map { $0.map { .mul(left, $0) } })
            default: return node
            }
        default:
            return node
        }
    }

    private static func count(_ operations: inout Int) throws(MathFailure) {
        operations += 1
        guard operations <= maxOperations else { throw .tooComplex }
    }

    private static func product(_ x: [[Node]], _ y: [[Node]]) throws(MathFailure) -> [[Node]] {
        guard let inner = x.first?.count, inner == y.count, let width = y.first?.count else { throw .unparseable }
        guard x.count * width * inner <= Limits.maxElements else { throw .tooComplex }
        return x.map { row in
            (0..<width).map { j in
                (1..<inner).reduce(Node.mul(row[0], y[0][j])) { .add($0, .mul(row[$1], y[$1][j])) }
            }
        }
    }
}
