extension Node {
    /// Calls `body` on each direct sub-node, without building an array; stops when it returns false.
    @discardableResult
    func forEachChild(_ body: (Node) -> Bool) -> Bool {
        switch self {
        case .number, .symbol, .constant, .text:
            return true
        case .add(let a, let b), .mul(let a, let b), .div(let a, let b), .pow(let a, let b),
             .plusMinus(let a, let b), .binomial(let a, let b), .ratio(let a, let b),
             .log(let a, let b), .root(let a, let b):
            return body(a) && body(b)
        case .neg(let a), .call(_, let a):
            return body(a)
        case .sum(_, let lo, let hi, let term, _):
            return body(lo) && body(hi) && body(term)
        case .tuple(_, _, let items), .set(let items), .list(let items), .union(let items),
             .relation(_, let items):
            return items.allSatisfy(body)
        case .matrix(let rows):
            return rows.allSatisfy { $0.allSatisfy(body) }
        }
    }

    /// The height of the tree, measured without recursion so any tree can be measured safely.
    var height: Int {
        var stack: [(Node, Int)] = [(self, 1)]
        var deepest = 0
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            node.forEachChild {
                stack.append(($0, depth + 1))
                return true
            }
        }
        return deepest
    }

    var containsPlusMinus: Bool {
        if case .plusMinus = self { return true }
        return !forEachChild { !$0.containsPlusMinus }
    }
}

/// Expansion of `\pm` into the set of values it stands for.
enum Alternatives {
    /// `1 \pm \sqrt{2}` becomes the set of both values; lists and sets absorb the alternatives.
    static func expand(_ node: Node) throws(MathFailure) -> Node {
        switch node {
        case .list(let items):
            return .list(try flatten(items))
        case .set(let items):
            return .set(try flatten(items))
        case .tuple, .matrix, .union, .relation, .text:
            return node
        default:
            guard node.containsPlusMinus else { return node }
            let all = try of(node)
            return all.count == 1 ? all[0] : .set(all)
        }
    }

    private static func flatten(_ items: [Node]) throws(MathFailure) -> [Node] {
        var out: [Node] = []
        for item in items {
            if item.isStructure || !item.containsPlusMinus {
                out.append(item)
            } else {
                out.append(contentsOf: try of(item))
            }
            guard out.count <= Limits.maxElements else { throw .tooComplex }
        }
        return out
    }

    /// Every sign choice of a scalar with `\pm` in it.
    static func of(_ node: Node) throws(MathFailure) -> [Node] {
        switch node {
        case .plusMinus(let a, let b):
            let left = try of(a)
            let right = try of(b)
            return try combine(left, right) { [.add($0, $1), .sub($0, $1)] }
        case .add(let a, let b): return try combine(try of(a), try of(b)) { [.add($0, $1)] }
        case .mul(let a, let b): return try combine(try of(a), try of(b)) { [.mul($0, $1)] }
        case .div(let a, let b): return try combine(try of(a), try of(b)) { [.div($0, $1)] }
        case .pow(let a, let b): return try combine(try of(a), try of(b)) { [.pow($0, $1)] }
        case .neg(let a): return try of(a).map { .neg($0) }
        case .call(let f, let a): return try of(a).map { .call(f, $0) }
        default: return [node]
        }
    }

    private static func combine(
        _ a: [Node], _ b: [Node], _ make: (Node, Node) -> [Node]
    ) throws(MathFailure) -> [Node] {
        guard a.count * b.count * 2 <= Limits.maxAlternatives * 2 else { throw .tooComplex }
        var out: [Node] = []
        for x in a { for y in b { out.append(contentsOf: make(x, y)) } }
        guard out.count <= Limits.maxAlternatives else { throw .tooComplex }
        return out
    }
}
