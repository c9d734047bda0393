/// LaTeX commands that build nodes: fractions, roots, functions, floors, sums and matrices.
extension Parser {
    static let matrixEnvironments: Set<String> = ["matrix", "pmatrix", "bmatrix", "Bmatrix", "smallmatrix", "array", "cases"]

    mutating func command(_ c: String) throws(MathFailure) -> Node {
        switch c {
        case "frac":
            return .div(try argument(), try argument())
        case "binom":
            return .binomial(try argument(), try argument())
        case "sqrt":
            if accept(.op(0x5B)) {
                let index = try descend { p throws(MathFailure) in try p.expression() }
                try expect(.op(0x5D))
                return .root(index: index, try argument())
            }
            return .call(.sqrt, try argument())
        case "pi": return .constant(.pi)
        case "infty", "inf": return .constant(.infinity)
        case "emptyset": return .set([])
        case "reals": return Parser.realLine
        case "lfloor": return .call(.floor, try delimited(by: "rfloor"))
        case "lceil": return .call(.ceil, try delimited(by: "rceil"))
        case "begin": return try descend { p throws(MathFailure) in try p.matrix() }
        case "sum": return try sum()
        case "prod": return try sum(product: true)
        default:
            if let f = Parser.functions[c] { return try function(f, name: c) }
            if isDivisorCall(c) { return try divisorCall(c) }
            if Parser.rejectedCommands.contains(c) || Parser.operatorCommands.contains(c) { throw .unparseable }
            return .symbol("\\" + c)
        }
    }

    /// A braced group or a single atom: the argument of `\frac`, `\sqrt`, `\binom`.
    mutating func argument() throws(MathFailure) -> Node {
        if at(.op(0x7B)) { return try primary() }
        return try descend { p throws(MathFailure) in try p.primary() }
    }

    mutating func delimited(by closer: String) throws(MathFailure) -> Node {
        let inner = try descend { p throws(MathFailure) in try p.expression() }
        try expect(.command(closer))
        return inner
    }

    /// `\sin^2 x`, `\log_2 8`, `\sin(2x)`, `\sin 2x`, `sqrt(3)`.
    mutating func function(_ f: Function, name: String) throws(MathFailure) -> Node {
        var power: Node?
        var base: Node?
        if name == "log", accept(.op(0x5F)) { base = try argument() }
        if accept(.op(0x5E)) { power = try descend { p throws(MathFailure) in try p.exponent() } }
        if name == "log", base == nil, accept(.op(0x5F)) { base = try argument() }
        var f = f
        if let inverse = f.inverse, let p = power, p.isMinusOne {
            f = inverse  // `\sin^{-1} x` is `\arcsin x`
            power = nil
        }
        let trig = f.readsDegrees
        if trig { trigArguments += 1 }
        defer { if trig { trigArguments -= 1 } }
        let operand = try descend { p throws(MathFailure) in try p.functionArgument() }
        // `\log x` without a base is the common logarithm, as in school and contest mathematics
        // (`\log 100` = 2); so is `\lg x`.
        if name == "log" || name == "lg", base == nil { base = .number(Rational(10)) }
        var node: Node = base.map { .log(base: $0, operand) } ?? .call(f, operand)
        if let power { node = .pow(node, power) }
        return node
    }

    /// The operand of a function written without parentheses stops at the next function or operator.
    mutating func functionArgument() throws(MathFailure) -> Node {
        if at(.op(0x28)) || at(.op(0x7B)) { return try primary() }
        var node = try power()
        while let kind = current {
            switch kind {
            case .letter, .number: node = .mul(node, try power())
            case .command(let c) where c == "pi" || c == "frac": node = .mul(node, try power())
            default: return node
            }
        }
        return node
    }

    /// `\sum_{k=a}^{b} body` (or `\prod` when `product`), evaluated term by term later when the bounds are numbers.
    mutating func sum(product: Bool = false) throws(MathFailure) -> Node {
        try expect(.op(0x5F))
        try expect(.op(0x7B))
        guard case .letter(let v)? = current else { throw .unparseable }
        advance()
        try expect(.relation(.equal))
        let lower = try descend { p throws(MathFailure) in try p.expression() }
        try expect(.op(0x7D))
        try expect(.op(0x5E))
        let upper = try argument()
        sumIndices.append(v)
        defer { sumIndices.removeLast() }
        let body = try descend { p throws(MathFailure) in try p.term() }
        return .sum(variable: String(UnicodeScalar(v)), lower: lower, upper: upper, body: body, product: product)
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` and its relatives.
    mutating func matrix() throws(MathFailure) -> Node {
        let name = try environmentName()
        guard Parser.matrixEnvironments.contains(name) else { throw .unparseable }
        if name == "array", at(.op(0x7B)) {
            while let kind = current, kind != .op(0x7D) { advance() }
            try expect(.op(0x7D))
        }
        var rows: [[Node]] = []
        var row: [Node] = []
        var cells = 0
        while true {
            if accept(.command("end")) {
                if !row.isEmpty { rows.append(row) }
                _ = try environmentName()
                break
            }
            if accept(.rowSeparator) {
                if !row.isEmpty { rows.append(row) }
                row = []
                continue
            }
            if accept(.columnSeparator) { continue }
            cells += 1
            guard cells <= Limits.maxElements else { throw .tooComplex }
            row.append(try item())
        }
        guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else { throw .unparseable }
        // A system of equations, one a row: the list of its equations, in any order.
        if name == "cases" { return width == 1 ? .list(rows.map { $0[0] }) : .matrix(rows) }
        return .matrix(rows)
    }

    mutating func environmentName() throws(MathFailure) -> String {
        try expect(.op(0x7B))
        guard let kind = current else { throw .unparseable }
        advance()
        var name = kind.spelling
        if at(.op(0x2A)) {
            advance()
            name += "*"
        }
        try expect(.op(0x7D))
        return name
    }
}
