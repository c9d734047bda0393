/// `\mathbb{R} \setminus \{0, 1\}`: the real line without finitely many numbers.
extension Parser {
    /// The open intervals between the numbers of `removed`, a set of number literals; anything
    /// else is unparseable, as every other `\setminus` is.
    static func realLine(without removed: Node) throws(MathFailure) -> Node {
        guard case .set(let items) = removed, !items.isEmpty else { throw .unparseable }
        var points: [Rational] = []
        for item in items {
            switch item {
            case .number(let r): points.append(r)
            case .neg(.number(let r)): points.append(r.negated())
            default: throw .unparseable
            }
        }
        points = Array(Set(points)).sorted()
        let bounds: [Node] = [.neg(.constant(.infinity))] + points.map { .number($0) } + [.constant(.infinity)]
        let parts = zip(bounds, bounds.dropFirst()).map { Node.tuple(open: 0x28, close: 0x29, [$0, $1]) }
        return .union(parts)
    }
}
