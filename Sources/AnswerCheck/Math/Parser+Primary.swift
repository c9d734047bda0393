/// Atoms: numbers, symbols, constants, groups, brackets, sets, fractions, roots and functions.
extension Parser {
    static let functions: [String: Function] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "sec": .sec, "csc": .csc, "cot": .cot,
        "arcsin": .arcsin, "arccos": .arccos, "arctan": .arctan, "sinh": .sinh, "cosh": .cosh,
        "tanh": .tanh, "ln": .ln, "exp": .exp, "sqrt": .sqrt, "log": .ln, "lg": .ln,
    ]
    static let primaryCommands: Set<String> = [
        "frac", "binom", "sqrt", "pi", "infty", "emptyset", "reals", "lfloor", "lceil", "begin", "sum", "prod",
    ]
    static let operatorCommands: Set<String> = ["cup", "cap", "pm", "mp", "end", "rfloor", "rceil", "setminus", "choose"]
    /// Commands that signal prose or logic this checker does not judge.
    static let rejectedCommands: Set<String> = [
        "forall", "exists", "implies", "Rightarrow", "Leftrightarrow", "iff", "therefore", "because",
        "to", "rightarrow", "mapsto", "cap", "setminus", "mathbb", "int", "lim", "prod", "equiv", "pmod",
        "sim", "cong", "parallel", "perp", "angle", "triangle", "subset", "subseteq", "mid", "nmid",
    ]

    mutating func primary() throws(MathFailure) -> Node {
        guard let kind = current else { throw .unparseable }
        advance()
        switch kind {
        case .number(let value, let integral):
            if at(.op(0x5F)) {
                if integral, let number = try baseSubscript(value) { return .number(number) }
                advance()
                return .symbol(try subscriptName(prefix: value.num.description))
            }
            if integral, !currentSpaced, at(.op(0x5F), 1) || at(.op(0x5F), 2) || at(.op(0x5F), 3),
               let number = try wordBase(value.num.description) {
                return .number(number)
            }
            return .number(value)
        case .letter(let l):
            return try letter(l)
        case .word(let w):
            return try word(w)
        case .text(let t):
            if isDivisorCall(t) { return try divisorCall(t) }
            if let number = try wordBase(t) { return .number(number) }
            return .text(t.lowercased())
        case .command(let c):
            return try command(c)
        case .op(0x28):
            return try bracketedBase(try descend { p throws(MathFailure) in try p.bracketed(open: 0x28) })
        case .op(0x5B):
            return try descend { p throws(MathFailure) in try p.bracketed(open: 0x5B) }
        case .op(0x7B):
            // `{}_6C_2`: an empty group carries the prefix subscript of a count.
            if at(.op(0x7D)), at(.op(0x5F), 1) {
                advance()
                return try prefixCounting()
            }
            let inner = try descend { p throws(MathFailure) in try p.list(closers: ListEnd(Token.code(of: .op(0x7D)))) }
            if accept(.command("choose")) { return try chooseLower(inner.node) }
            try expect(.op(0x7D))
            return inner.node
        case .setOpen:
            if let builder = try setBuilder() { return builder }
            let inner = try descend { p throws(MathFailure) in try p.list(closers: ListEnd(Token.code(of: .setClose))) }
            try expect(.setClose)
            guard !inner.lone, case .list(let items) = inner.node else { return .set([inner.node]) }
            return .set(items)
        case .op(0x5F):
            position -= 1
            return try prefixCounting()
        case .relation(let r) where position == 1 && (r == .approx || r == .equal):
            // `\approx 3.14` or `= 12` alone: the value the mark introduces.
            return try descend { p throws(MathFailure) in try p.ratio() }
        case .op(0x7C):
            absoluteDepth += 1
            let inner = try descend { p throws(MathFailure) in try p.expression() }
            absoluteDepth -= 1
            try expect(.op(0x7C))
            return .call(.abs, inner)
        default:
            throw .unparseable
        }
    }

    /// `(a)`, `(a, b)`, `[a, b)`: a group of one item, else a tuple or interval.
    mutating func bracketed(open: UInt8) throws(MathFailure) -> Node {
        let inner = try list(closers: ListEnd(Token.code(of: .op(0x29)), Token.code(of: .op(0x5D))))
        guard case .op(let close)? = current, close == 0x29 || close == 0x5D else { throw .unparseable }
        advance()
        if inner.lone {
            guard open == 0x28 && close == 0x29 || open == 0x5B && close == 0x5D else { throw .unparseable }
            return inner.node
        }
        guard case .list(let items) = inner.node, !items.isEmpty else { throw .unparseable }
        return .tuple(open: open, close: close, items)
    }

    mutating func letter(_ l: UInt8) throws(MathFailure) -> Node {
        if isCountingCall(l) { return countingCall(l) }
        let name = String(UnicodeScalar(l))
        if l < 0x5B, position < tokens.count, tokens[position].code == 0x200, let number = try wordBase(name) {
            return .number(number)
        }
        if at(.op(0x5F)) {
            advance()
            return .symbol(try subscriptName(prefix: name))
        }
        // In `\sum_{i=1}^{n} (2i-1)` the index `i` is a variable, not the imaginary unit.
        if sumIndices.contains(l) { return .symbol(name) }
        switch l {
        case 0x65: return .constant(.e)
        case 0x69: return .constant(.i)
        default: return .symbol(name)
        }
    }

    /// Reads the subscript after `_` and spells it into the symbol's name (`a_{37}` is `a_37`).
    mutating func subscriptName(prefix: String) throws(MathFailure) -> String {
        var name = prefix + "_"
        guard let first = current else { throw .unparseable }
        advance()
        guard first == .op(0x7B) else { return name + first.spelling }
        var open = 1
        while let kind = current {
            advance()
            if kind == .op(0x7B) { open += 1 }
            if kind == .op(0x7D) {
                open -= 1
                if open == 0 { return name }
            }
            name += kind.spelling
        }
        throw .unparseable
    }

    /// A multi-letter word: a function, a constant, or single-letter variables multiplied.
    mutating func word(_ w: String) throws(MathFailure) -> Node {
        let lower = w.lowercased()
        if let f = Parser.functions[lower] { return try function(f, name: lower) }
        if isDivisorCall(w) { return try divisorCall(w) }
        if let number = try wordBase(w) { return .number(number) }
        switch lower {
        case "pi": return .constant(.pi)
        case "inf", "infty", "infinity", "oo": return .constant(.infinity)
        default: break
        }
        var node: Node?
        for l in w.utf8 {
            let factor = l == 0x65 ? Node.constant(.e) : l == 0x69 ? .constant(.i) : .symbol(String(UnicodeScalar(l)))
            node = node.map { .mul($0, factor) } ?? factor
        }
        guard let node else { throw .unparseable }
        return node
    }
}

extension Token.Kind {
    /// A compact spelling used to name subscripted symbols.
    var spelling: String {
        switch self {
        case .number(let v, _): v.isInteger ? v.num.description : "\(v.num)/\(v.den)"
        case .letter(let l): String(UnicodeScalar(l))
        case .word(let w), .text(let w), .command(let w): w
        case .op(let c): String(UnicodeScalar(c))
        case .relation: "="
        default: "?"
        }
    }
}
