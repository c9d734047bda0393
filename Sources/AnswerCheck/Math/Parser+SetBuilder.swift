/// Sets written by a condition (`\{x \mid x > 2\}`, `\{x : 1 \le x \le 3\}`) or named in words (`no solution`).
extension Parser {
    /// Right after `\{`: the set a one-variable condition describes, when the braces hold one;
    /// nil (nothing consumed) for a set that lists its elements.
    mutating func setBuilder() throws(MathFailure) -> Node? {
        guard case .letter(let v)? = current else { return nil }
        // `x \in \mathbb{R}` before the bar says only that x is real.
        let offset = at(.relation(.member), 1) && at(.command("reals"), 2) ? 3 : 1
        guard at(.command("mid"), offset) || at(.op(0x7C), offset) || at(.op(0x3A), offset) else { return nil }
        position += offset + 1
        let condition = try descend { p throws(MathFailure) in try p.item() }
        try expect(.setClose)
        guard case .relation(let ops, let operands) = condition else { throw .unparseable }
        let chain = RelationChain(ops, operands)
        guard chain.variable == .symbol(String(UnicodeScalar(v))), let set = chain.interval else { throw .unparseable }
        return set
    }
}

extension Parser {
    /// Answers in words that name the empty set.
    static let emptySetWords: Set<String> = [
        "the empty set", "empty set", "no solution", "no solutions", "no real solution", "no real solutions",
    ]
}
