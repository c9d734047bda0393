/// Equivalence of parsed answers: structures part by part, scalars by value.
extension Context {
    /// Whether the prediction `p` is equivalent to the gold answer `g`.
    mutating func equivalent(_ g: Node, _ p: Node) throws(MathFailure) -> Bool {
        try tick()
        // Two numbers (most items of lists, tuples and matrices): nothing below rewrites either.
        if case .number(let x) = g, case .number(let y) = p { return try agree(x, y) }
        var g = mayHaveMatrices ? try MatrixAlgebra.fold(g) : g
        var p = mayHaveMatrices ? try MatrixAlgebra.fold(p.memberSet ?? p) : p.memberSet ?? p
        if mayHavePlusMinus {
            g = try Alternatives.expand(g)
            p = try Alternatives.expand(p)
        }
        // `x < -1 \text{ or } x > 2` against `(-\infty, -1) \cup (2, \infty)`: compare the sets.
        if p.mayBeIntervalSet, let union = g.relationUnion { g = union }
        if g.mayBeIntervalSet, let union = p.relationUnion { p = union }
        let ga = g.annotation
        let pa = p.annotation
        if ga != nil || pa != nil { return try annotated(g, p, ga, pa) }
        switch (g, p) {
        case (.text(let a), .text(let b)):
            return a == b
        case (.text, _), (_, .text):
            return false
        case (.relation(let go, let gx), .relation(let po, let px)):
            return try relations(RelationChain(go, gx), RelationChain(po, px))
        case (.relation(let ops, let xs), _):
            return try goldRelation(RelationChain(ops, xs), p)
        case (_, .relation(let ops, let xs)):
            return try predictedRelation(g, RelationChain(ops, xs))
        case (.matrix(let a), .matrix(let b)):
            guard a.count == b.count, zip(a, b).allSatisfy({ $0.count == $1.count }) else { return false }
            return try ordered(a.flatMap { $0 }, b.flatMap { $0 })
        case (.union(let a), .union(let b)):
            return try unordered(a, b)
        case (.tuple(let o1, let c1, let a), .tuple(let o2, let c2, let b)):
            guard o1 == o2, c1 == c2 else { return false }
            return try ordered(a, b)
        case (.tuple(0x28, 0x29, let a), .list(let b)), (.list(let a), .tuple(0x28, 0x29, let b)):
            return try ordered(a, b)
        case (.tuple(0x28, 0x29, let a), .set(let b)), (.set(let a), .tuple(0x28, 0x29, let b)),
             (.list(let a), .list(let b)), (.list(let a), .set(let b)), (.set(let a), .list(let b)),
             (.set(let a), .set(let b)):
            return try unordered(a, b)
        case (.sum(let v1, let lo1, let hi1, let b1, let product1), .sum(let v2, let lo2, let hi2, let b2, let product2))
            where lo1.hasSymbols || hi1.hasSymbols || lo2.hasSymbols || hi2.hasSymbols:
            guard product1 == product2 else { return false }
            // `\sum_{k=0}^{n-1} F_k F_{n-k-1}`: symbolic bounds cannot be summed out, so the same
            // bounds and the same term (as a function of the index and the other symbols) decide.
            // A renamed index (`j` for `k`) takes the same values, unless either name is also a
            // free symbol on the other side.
            guard try equivalent(lo1, lo2), try equivalent(hi1, hi2) else { return false }
            if v1 == v2 { return try scalars(b1, b2) }
            var names1 = SymbolNames()
            var names2 = SymbolNames()
            b1.collectSymbols(into: &names1)
            b2.collectSymbols(into: &names2)
            guard !names1.contains(v2), !names2.contains(v1), aliases[v2] == nil else { return false }
            aliases[v2] = v1
            defer { aliases[v2] = nil }
            return try scalars(b1, b2)
        case (.ratio, _), (_, .ratio):
            if let verdict = try ratios(g, p) { return verdict }
        default:
            break
        }
        if let single = g.singleElement { return try equivalent(single, p) }
        if let single = p.singleElement { return try equivalent(g, single) }
        if g.isStructure || p.isStructure { return false }
        return try scalars(g, p)
    }

    /// Item by item; an item written exactly as its counterpart needs no equivalence check.
    mutating func ordered(_ a: [Node], _ b: [Node]) throws(MathFailure) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            guard try equivalent(x, y) else { return false }
        }
        return true
    }

    /// Set equality under equivalence: every gold item is predicted and every prediction is in the
    /// gold (a repeated item is not an extra answer). Items written identically are paired first, so
    /// two lists in different orders cost one syntactic comparison per pair, not an equivalence check.
    mutating func unordered(_ a: [Node], _ b: [Node]) throws(MathFailure) -> Bool {
        var covered = [Bool](repeating: false, count: b.count)
        var found = [Bool](repeating: false, count: a.count)
        for (i, x) in a.enumerated() {
            for (j, y) in b.enumerated() where !covered[j] && x == y {
                covered[j] = true
                found[i] = true
                break
            }
        }
        for (i, x) in a.enumerated() where !found[i] {
            for (j, y) in b.enumerated() where !found[i] || !covered[j] {
                if try equivalent(x, y) {
                    covered[j] = true
                    found[i] = true
                }
            }
            if !found[i] { return false }
        }
        for (j, y) in b.enumerated() where !covered[j] {
            var matched = false
            for x in a {
                matched = x == y
                if !matched { matched = try equivalent(x, y) }
                if matched { break }
            }
            if !matched { return false }
        }
        return true
    }

    /// Scalars: once when there are no free symbols, else at each evaluation point.
    mutating func scalars(_ a: Node, _ b: Node) throws(MathFailure) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return try agree(x, y) }
        var names = SymbolNames()
        a.collectSymbols(into: &names)
        b.collectSymbols(into: &names)
        if names.isEmpty { return try values(a, b) ?? false }
        // `\sum_{k=1}^{n} k` against `\frac{n(n+1)}{2}`: a sum's symbolic bounds take whole values.
        var whole = SymbolNames()
        a.collectSumBounds(into: &whole)
        b.collectSumBounds(into: &whole)
        var agreed = 0
        for k in 0..<Points.count {
            bind(names, at: k)
            for name in whole where bindings[name] != nil {
                bindings[name] = Rational(3 + 4 * k + Int(Points.hash(name, into: seed) % 4))
            }
            switch try values(a, b) {
            case true?: agreed += 1
            case false?: return false
            case nil: continue
            }
        }
        return agreed >= 2
    }

    mutating func bind(_ names: SymbolNames, at k: Int) {
        bindings.removeAll(keepingCapacity: true)
        let seed = self.seed
        for name in names { bindings[name] = Points.value(for: aliases.isEmpty ? name : aliases[name] ?? name, at: k, seed: seed) }
    }

    /// Compares the values at the current point; nil when either is undefined there.
    mutating func values(_ a: Node, _ b: Node) throws(MathFailure) -> Bool? {
        do {
            if let x = try exact(a), let y = try exact(b) { return try agree(x, y) }
            scale = 0
            // Both values first: `agree` reads `scale`, which evaluating them sets (a call's `self`
            // is captured before its arguments are evaluated).
            let x = try approximate(a)
            let y = try approximate(b)
            return agree(x, y)
        } catch .undefined {
            return nil
        }
    }

    /// Evaluates a scalar at the current point, exactly when possible.
    mutating func value(_ a: Node) throws(MathFailure) -> Complex {
        if let x = try exact(a) { return Complex(x.doubleValue) }
        return try approximate(a)
    }
}

extension Node {
    /// The only element of a one-element list, set or union.
    var singleElement: Node? {
        switch self {
        case .list(let items) where items.count == 1, .set(let items) where items.count == 1,
             .union(let items) where items.count == 1:
            items[0]
        default: nil
        }
    }

    /// A list, set or tuple of two or more items: the items a ground truth keeps apart.
    var severalItems: Bool {
        switch self {
        case .list(let items), .set(let items), .tuple(_, _, let items): items.count >= 2
        default: false
        }
    }

    /// `x \in S` stands for `S`.
    var memberSet: Node? {
        if case .relation(let ops, let xs) = self, ops == [.member] { return xs[1] }
        return nil
    }

    func collectSymbols(into names: inout SymbolNames) {
        switch self {
        case .symbol(let name): names.insert(name)
        case .sum(let v, let lo, let hi, let body, _):
            lo.collectSymbols(into: &names)
            hi.collectSymbols(into: &names)
            var inner = SymbolNames()
            body.collectSymbols(into: &inner)
            inner.remove(v)
            names.formUnion(inner)
        default:
            forEachChild {
                $0.collectSymbols(into: &names)
                return true
            }
        }
    }

    /// The symbols in the bounds of the sums and products inside this node.
    func collectSumBounds(into names: inout SymbolNames) {
        if case .sum(_, let lo, let hi, let body, _) = self {
            lo.collectSymbols(into: &names)
            hi.collectSymbols(into: &names)
            body.collectSumBounds(into: &names)
            return
        }
        forEachChild {
            $0.collectSumBounds(into: &names)
            return true
        }
    }

    var hasSymbols: Bool {
        switch self {
        case .symbol: return true
        case .sum:
            // A sum's own index is bound inside it.
            var names = SymbolNames()
            collectSymbols(into: &names)
            return !names.isEmpty
        default:
            return !forEachChild { !$0.hasSymbols }
        }
    }
}
