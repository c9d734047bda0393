/// A relation chain in a canonical orientation.
struct RelationChain {
    var ops: [Relation]
    var operands: [Node]
    /// Whether the chain had three or more parts before `a = b = c` was cut to `a = c`.
    var wasChain: Bool

    init(_ ops: [Relation], _ operands: [Node]) {
        var ops = ops
        var operands = operands
        // `x = 1/3 \approx 0.33`: the approximation is commentary; `x \approx 11` alone is the answer.
        if let cut = ops.firstIndex(of: .approx) {
            let annotated = Node.relation([.approx], [operands[cut], operands[cut + 1]])
            if cut > 0, cut == ops.count - 1, ops[..<cut].allSatisfy({ $0 == .equal }), annotated.annotation != nil {
                // `x = \frac{\pi}{4} \approx 0.785`: the value is an annotated one.
                ops = Array(ops[..<cut])
                operands = Array(operands[..<cut]) + [annotated]
            } else if ops.contains(.equal) {
                ops = Array(ops[..<cut])
                operands = Array(operands[...cut])
            } else {
                ops = ops.map { $0 == .approx ? .equal : $0 }
            }
        }
        wasChain = operands.count >= 3
        if ops.allSatisfy({ $0 == .equal }), operands.count >= 3 {
            ops = [.equal]
            operands = [operands[0], operands[operands.count - 1]]
        }
        if ops.allSatisfy({ $0 == .greater || $0 == .greaterEqual }) {
            ops = ops.reversed().map { $0 == .greater ? .less : .lessEqual }
            operands.reverse()
        }
        self.ops = ops
        self.operands = operands
    }

    var isEquation: Bool { ops == [.equal] }
    var isInequality: Bool { ops.allSatisfy { $0 == .less || $0 == .lessEqual } }
}

extension Context {
    mutating func relations(_ g: RelationChain, _ p: RelationChain) throws(MathFailure) -> Bool {
        // `0 < t \le 5` and `t \in (0,5]` describe one set: compare the sets when the forms differ.
        if g.ops != p.ops || g.operands.count != p.operands.count {
            // A gold membership is its set: under `.apart` a predicted inequality does not name it.
            if setRelations == .apart, g.ops == [.member] { return false }
            guard let gi = g.interval, let pi = p.interval, g.variable == p.variable else { return false }
            return try equivalent(gi, pi)
        }
        if try ordered(g.operands, p.operands) { return true }
        // `y = 5x - 2` and `f(x) = 5x - 2` define one function: compare what they define.
        if g.isEquation, g.operands[0].namesGraph(of: p.operands[0]) {
            return try equivalent(g.operands[1], p.operands[1])
        }
        guard g.operands.count == 2, !g.operands.contains(where: \.isStructure),
              !p.operands.contains(where: \.isStructure) else { return false }
        let positive = g.ops[0] == .less || g.ops[0] == .lessEqual
        return try proportional(
            .sub(g.operands[1], g.operands[0]), .sub(p.operands[1], p.operands[0]), positive: positive)
    }

    /// `x = 3` against `3`; `x \ge 2` against `[2, \infty)`.
    mutating func goldRelation(_ g: RelationChain, _ p: Node) throws(MathFailure) -> Bool {
        if g.isEquation {
            guard g.wasChain || g.operands[0].isAssignmentTarget else { return false }
            return try equivalent(g.operands[1], p)
        }
        guard let interval = g.interval else { return false }
        return try equivalent(interval, p)
    }

    /// A predicted `x = 3` (or `a = b = 3`) against the value `3`; a predicted one-variable inequality
    /// against the interval (or union) it describes: `0 < t \le 5` is `(0,5]` (not under `.apart`).
    mutating func predictedRelation(_ g: Node, _ p: RelationChain) throws(MathFailure) -> Bool {
        if !p.isEquation, setRelations == .equal, let interval = p.interval, g.isStructure {
            return try equivalent(g, interval)
        }
        guard p.isEquation else { return false }
        let lhs = p.operands[0]
        guard p.wasChain || lhs.isAssignmentTarget || !lhs.hasSymbols else { return false }
        return try equivalent(g, p.operands[1])
    }

    /// Whether `b` is a constant multiple of `a` (a positive one when `positive`) at every point.
    mutating func proportional(_ a: Node, _ b: Node, positive: Bool) throws(MathFailure) -> Bool {
        // Rounding to the rollout's precision is for values, not for the ratio of two equations.
        let precision = self.precision
        self.precision = nil
        defer { self.precision = precision }
        var names = SymbolNames()
        a.collectSymbols(into: &names)
        b.collectSymbols(into: &names)
        var first: Complex?
        var agreed = 0
        for k in 0..<(Points.count + 1) {
            bind(names, at: k)
            scale = 0
            guard let x = try? value(a), let y = try? value(b) else { continue }
            let noise = 1e-12 * max(scale, 1)
            let xZero = x.magnitude <= noise
            let yZero = y.magnitude <= noise
            if xZero || yZero {
                if xZero != yZero { return false }
                continue
            }
            let ratio = y / x
            if positive, !(ratio.isReal && ratio.re > 0) { return false }
            if let first {
                guard agree(first, ratio) else { return false }
            } else {
                first = ratio
            }
            agreed += 1
        }
        return agreed >= 2
    }
}

extension RelationChain {
    /// The variable a one-variable inequality or membership constrains, if there is one.
    var variable: Node? {
        if ops == [.member] { return operands[0] }
        let first = operands.first { $0.hasSymbols }
        if case .call(.abs, let inner)? = first, first?.isAbsoluteSymbol == true { return inner }
        return first
    }

    /// The set a one-variable inequality describes (`x \ge 2` is `[2, \infty)`), or the set of `x \in S`.
    var interval: Node? {
        if ops == [.member], operands.count == 2, operands[0].isAssignmentTarget, operands[1].isStructure { return operands[1] }
        let infinity = Node.constant(.infinity)
        if ops == [.notEqual], operands.count == 2, case .symbol = operands[0], !operands[1].hasSymbols {
            // `x \neq 0` is the line without one point.
            return .union([.tuple(open: 0x28, close: 0x29, [.neg(infinity), operands[1]]),
                           .tuple(open: 0x28, close: 0x29, [operands[1], infinity])])
        }
        guard isInequality else { return nil }
        func bracket(_ r: Relation, open: Bool) -> UInt8 {
            r == .less ? (open ? 0x28 : 0x29) : (open ? 0x5B : 0x5D)
        }
        switch operands.count {
        case 2 where operands[0].isAbsoluteSymbol && !operands[1].hasSymbols:
            // |x| <= b: x lies in [-b, b].
            let b = operands[1]
            return .tuple(open: bracket(ops[0], open: true), close: bracket(ops[0], open: false), [.neg(b), b])
        case 2 where operands[1].isAbsoluteSymbol && !operands[0].hasSymbols:
            // a < |x|: x lies below -a or above a.
            let a = operands[0]
            return .union([
                .tuple(open: 0x28, close: bracket(ops[0], open: false), [.neg(infinity), .neg(a)]),
                .tuple(open: bracket(ops[0], open: true), close: 0x29, [a, infinity]),
            ])
        case 2 where operands[1].hasSymbols && !operands[0].hasSymbols:
            return .tuple(open: bracket(ops[0], open: true), close: 0x29, [operands[0], infinity])
        case 2 where operands[0].hasSymbols && !operands[1].hasSymbols:
            return .tuple(open: 0x28, close: bracket(ops[0], open: false), [.neg(infinity), operands[1]])
        case 3 where operands[1].isAbsoluteValue && !operands[0].hasSymbols && !operands[2].hasSymbols:
            // a <= |z| <= b: z lies in [-b, -a] or in [a, b].
            let (a, b) = (operands[0], operands[2])
            return .union([
                .tuple(open: bracket(ops[1], open: true), close: bracket(ops[0], open: false), [.neg(b), .neg(a)]),
                .tuple(open: bracket(ops[0], open: true), close: bracket(ops[1], open: false), [a, b]),
            ])
        case 3 where operands[1].hasSymbols && !operands[0].hasSymbols && !operands[2].hasSymbols:
            return .tuple(
                open: bracket(ops[0], open: true), close: bracket(ops[1], open: false),
                [operands[0], operands[2]])
        default:
            return nil
        }
    }
}

extension Node {
    /// `|x|` of a single variable.
    var isAbsoluteSymbol: Bool {
        if case .call(.abs, .symbol) = self { return true }
        return false
    }

    /// `x < -1 \text{ or } x > 2`: solution sets of one variable, listed, are the union of their sets.
    var relationUnion: Node? {
        guard case .list(let items) = self, items.count >= 2 else { return nil }
        var parts: [Node] = []
        var variable: Node?
        for item in items {
            guard case .relation(let ops, let xs) = item else { return nil }
            let chain = RelationChain(ops, xs)
            guard let set = chain.interval, let v = chain.variable, variable == nil || variable == v else { return nil }
            variable = v
            if case .union(let sets) = set { parts += sets } else { parts.append(set) }
        }
        return .union(parts)
    }

    /// A union of sets, or a bracketed pair that may be an interval.
    var mayBeIntervalSet: Bool {
        switch self {
        case .union: true
        case .tuple(_, _, let items): items.count == 2
        default: false
        }
    }

    var isAbsoluteValue: Bool {
        if case .call(.abs, let inner) = self { return inner.hasSymbols }
        return false
    }

    /// Whether `self` and `other` are `y` and `f(x)` (either way round, any letters but `y` for
    /// the function and its variable): two names for the function a right-hand side defines.
    func namesGraph(of other: Node) -> Bool {
        func isY(_ n: Node) -> Bool { n == .symbol("y") }
        func isApplication(_ n: Node) -> Bool {
            guard case .mul(.symbol(let f), .symbol(let x)) = n else { return false }
            return f.utf8.count == 1 && x.utf8.count == 1 && f != "y" && x != "y" && f != x
        }
        return isY(self) && isApplication(other) || isApplication(self) && isY(other)
    }

    /// A left-hand side that names what the right-hand side is (`x`, `f(x)`, `|AB|`, `(p, q)`).
    var isAssignmentTarget: Bool {
        switch self {
        case .symbol, .constant(.e), .constant(.i): true
        case .pow(.symbol, .neg(.number(let one))): one == .one  // `f^{-1}` in `f^{-1}(x) = ...`
        case .mul(let a, let b), .div(let a, let b), .ratio(let a, let b):
            a.isAssignmentTarget && b.isAssignmentTarget
        case .call(.abs, let a): a.isAssignmentTarget
        case .tuple(_, _, let items): items.allSatisfy(\.isAssignmentTarget)
        default: false
        }
    }
}
