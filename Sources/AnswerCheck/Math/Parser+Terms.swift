/// Products, powers, postfix marks (`!`, `%`, degrees, units) and implicit multiplication.
extension Parser {
    static let percentWords: Set<String> = ["percent", "percentage", "pct", "per cent"]
    static let degreeWords: Set<String> = ["degrees", "degree", "deg"]
    /// Two-letter words read as units after a value; longer words after a space are units anyway.
    static let shortUnits: Set<String> = ["cm", "mm", "km", "kg", "mg", "ft", "yd", "mi", "hr", "lb", "oz", "ml", "mL", "am", "pm", "sq"]
    /// Words that are mathematics, never units or text answers.
    static let knownWords: Set<String> = ["pi", "inf", "infty", "infinity", "mod"]

    mutating func term() throws(MathFailure) -> Node {
        var left = try unary()
        while true {
            if accept(.op(0x2A)) {
                left = .mul(left, try unary())
            } else if accept(.op(0x2F)) {
                left = .div(left, try unary())
            } else if let mixed = try mixedFraction(after: left) {
                left = mixed
            } else if startsImplicitFactor() {
                left = .mul(left, try power())
            } else {
                return left
            }
        }
    }

    /// `2\frac{1}{3}` and plain `2 1/3` are mixed numbers, not products.
    mutating func mixedFraction(after left: Node) throws(MathFailure) -> Node? {
        if case .neg(let inner) = left, case .number = inner {
            return try mixedFraction(after: inner).map { .neg($0) }
        }
        guard case .number(let whole) = left, whole.isInteger, !whole.isNegative else { return nil }
        if current == .command("frac"), case .number(let n)? = fractionArgument(1), n.isInteger,
           case .number(let d)? = fractionArgument(2), d.isInteger {
            let fraction = try power()
            return .add(left, fraction)
        }
        if currentSpaced, case .number(_, true)? = current, peek(1) == .op(0x2F),
           case .number(_, true)? = peek(2) {
            guard case .number(let n, _)? = current, case .number(let d, _)? = peek(2) else { return nil }
            position += 3
            return .add(left, .div(.number(n), .number(d)))
        }
        return nil
    }

    /// The literal argument `k` of a `\frac` at the cursor, in `\frac{1}{2}` or `\frac12` form.
    func fractionArgument(_ k: Int) -> Node? {
        var i = 1
        for argument in 1...k {
            if peek(i) == .op(0x7B), case .number(let v, _)? = peek(i + 1), peek(i + 2) == .op(0x7D) {
                if argument == k { return .number(v) }
                i += 3
            } else if case .number(let v, _)? = peek(i) {
                if argument == k { return .number(v) }
                i += 1
            } else {
                return nil
            }
        }
        return nil
    }

    /// Whether the next token begins a factor that multiplies what came before.
    func startsImplicitFactor() -> Bool {
        switch current {
        case .number?: return false
        case .letter?, .op(0x28)?, .op(0x7B)?: return true
        case .op(0x7C)?: return absoluteDepth == 0
        case .word(let w)?: return !isUnit(w)
        case .command(let c)?: return Parser.primaryCommands.contains(c) || Parser.functions[c] != nil || c.first != nil && !Parser.operatorCommands.contains(c)
        default: return false
        }
    }

    mutating func unary() throws(MathFailure) -> Node {
        if accept(.op(0x2D)) {
            return .neg(try descend { p throws(MathFailure) in try p.unary() })
        }
        if accept(.op(0x2B)) {
            return try descend { p throws(MathFailure) in try p.unary() }
        }
        if accept(.command("pm")) || accept(.command("mp")) {
            return .plusMinus(.number(.zero), try descend { p throws(MathFailure) in try p.unary() })
        }
        return try power()
    }

    mutating func power() throws(MathFailure) -> Node {
        let base = try postfix(try primary())
        guard accept(.op(0x5E)) else { return base }
        let exponent = try descend { p throws(MathFailure) in try p.exponent() }
        return try postfix(.pow(base, exponent))
    }

    /// The exponent after `^`: a group, a signed atom, or an atom with its own exponent.
    mutating func exponent() throws(MathFailure) -> Node {
        if accept(.op(0x2D)) { return .neg(try exponent()) }
        if accept(.op(0x2B)) { return try exponent() }
        let base = try primary()
        guard accept(.op(0x5E)) else { return base }
        return .pow(base, try descend { p throws(MathFailure) in try p.exponent() })
    }

    /// Factorials, percent, degrees and trailing units.
    mutating func postfix(_ node: Node) throws(MathFailure) -> Node {
        var node = node
        while let kind = current {
            switch kind {
            case .op(0x21):
                advance()
                node = .call(.factorial, node)
            case .percent:
                advance()
                node = .div(node, .number(Rational(100)))
            case .degree:
                advance()
                if case .letter(let l)? = current, l == 0x43 || l == 0x46 { advance() }
            case .op(0x27):
                advance()  // a prime mark carries no value of its own here
            case .text(let t):
                let word = t.lowercased()
                if Parser.percentWords.contains(word) {
                    advance()
                    node = .div(node, .number(Rational(100)))
                } else if word == "and" || word == "or" {
                    return node
                } else {
                    advance()
                    skipUnitExponent()
                }
            case .word(let w) where isUnit(w):
                advance()
                if Parser.percentWords.contains(w.lowercased()) { node = .div(node, .number(Rational(100))) }
                skipUnitExponent()
            default:
                return node
            }
        }
        return node
    }

    /// `m^2` after a unit: the exponent belongs to the unit.
    mutating func skipUnitExponent() {
        guard current == .op(0x5E) else { return }
        if case .number? = peek(1) {
            position += 2
        } else if peek(1) == .op(0x7B), case .number? = peek(2), peek(3) == .op(0x7D) {
            position += 4
        }
    }

    /// A word after a value that names a unit (or percent, or degrees) rather than a product.
    func isUnit(_ w: String) -> Bool {
        let lower = w.lowercased()
        if Parser.functions[lower] != nil || Parser.knownWords.contains(lower) { return false }
        if Parser.percentWords.contains(lower) || Parser.degreeWords.contains(lower) { return true }
        if Parser.shortUnits.contains(w) { return true }
        return w.count >= 3 && currentSpaced
    }
}
