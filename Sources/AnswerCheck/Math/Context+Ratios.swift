/// Ratios: `6:8` is `3:4`, and a ratio of two parts is the number it makes (`3:4` is `\frac{3}{4}`).
extension Context {
    /// Whether the ratios (or a ratio and a scalar) `g` and `p` agree; nil when neither is a ratio.
    mutating func ratios(_ g: Node, _ p: Node) throws(MathFailure) -> Bool? {
        var a: [Node] = []
        var b: [Node] = []
        g.ratioParts(into: &a)
        p.ratioParts(into: &b)
        if a.count == 1, b.count == 1 { return nil }
        // A ratio against one number: two parts make their quotient, more parts never one number.
        if a.count == 1 || b.count == 1 {
            let (parts, scalar) = a.count == 1 ? (b, a[0]) : (a, b[0])
            guard parts.count == 2, !scalar.isStructure, try !isZero(parts[1]) else { return false }
            return try scalars(.div(parts[0], parts[1]), scalar)
        }
        guard a.count == b.count else { return false }
        // Proportional parts, scaled from the first pair. A zero part leaves nothing to scale by
        // (and `12:00` is a clock time): then the parts must be equal one by one, so `1:00` is not `12:00`.
        for k in a.indices {
            let zeroGold = try isZero(a[k])
            let zeroPredicted = try isZero(b[k])
            if zeroGold || zeroPredicted { return try ordered(a, b) }
        }
        for k in 1..<a.count where !(try scalars(.mul(a[k], b[0]), .mul(b[k], a[0]))) { return false }
        return true
    }

    private mutating func isZero(_ node: Node) throws(MathFailure) -> Bool {
        try scalars(node, .number(.zero))
    }
}

extension Node {
    /// The parts of `a:b:c` in order; a node that is no ratio is its one part.
    func ratioParts(into parts: inout [Node]) {
        guard case .ratio(let first, let rest) = self else { return parts.append(self) }
        parts.append(first)
        rest.ratioParts(into: &parts)
    }
}
