/// Products, powers, postfix marks (`!`, `%`, degrees, units) and implicit multiplication.
extension Parser {
    static let percentWords: Set<String> = ["percent", "percentage", "pct", "per cent"]
    static let degreeWords: Set<String> = ["degrees", "degree", "deg"]
    /// Unit words that make a value a hundredth of a dollar when ``centsAreDollars`` is on.
    static let centWords: Set<String> = ["cent", "cents"]
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
            } else if startsImplicitFactor() || continuesFactorisation(left) {
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
        if at(.command("frac")), case .number(let n)? = fractionArgument(1), n.isInteger,
           case .number(let d)? = fractionArgument(2), d.isInteger {
            let fraction = try power()
            return .add(left, fraction)
        }
        if currentSpaced, case .number(_, true)? = current, at(.op(0x2F), 1),
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
            if at(.op(0x7B), i), case .number(let v, _)? = peek(i + 1), at(.op(0x7D), i + 2) {
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
        guard position < tokens.count else { return false }
        switch tokens[position].code {
        case 0x201, 0x7B: return true  // a letter, `{`
        case 0x28: return !at(.relation(.approx), 1)  // `(`, unless it opens an annotation `(\approx 0.785)`
        case 0x7C: return absoluteDepth == 0
        case 0x202, 0x203: break  // a word or a command: look at its name
        default: return false
        }
        switch current {
        case .word(let w)?: return !isUnit(w)
        case .command(let c)?: return !Parser.operatorCommands.contains(c)
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
        if skipOrdinalSuffix() { return try postfix(base) }
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
        while position < tokens.count {
            switch tokens[position].code {
            case 0x21, 0x209, 0x20A, 0x27, 0x202, 0x204: break  // `!` percent degree `'` word text
            default: return node
            }
            guard let kind = current else { return node }
            switch kind {
            case .op(0x21):
                advance()
                node = .call(.factorial, node)
            case .percent:
                advance()
                if !percentIsUnit { node = .div(node, .number(Rational(100))) }
            case .degree:
                advance()
                if case .letter(let l)? = current, l == 0x43 || l == 0x46 { advance() }
                // Inside `\sin(...)` the mark means the angle: `\sin 30^\circ` is `\sin(\pi/6)`. Elsewhere a
                // degree is the number it marks (`30^\circ` against `30`).
                if trigArguments > 0 { node = .mul(node, .div(.constant(.pi), .number(Rational(180)))) }
            case .op(0x27):
                advance()  // a prime mark carries no value of its own here
            case .text(let t):
                let word = t.lowercased()
                if Parser.percentWords.contains(word) {
                    advance()
                    if !percentIsUnit { node = .div(node, .number(Rational(100))) }
                } else if let exponent = magnitude(t) {
                    advance()
                    node = try Parser.scaled(node, by: exponent)
                } else if word == "and" || word == "or" {
                    return node
                } else {
                    advance()
                    if centsAreDollars, Parser.centWords.contains(word) { node = .div(node, .number(Rational(100))) }
                    skipUnitExponent()
                }
            case .word(let w) where isUnit(w):
                advance()
                var lower = w.lowercased()
                // `35 per cent` written as two words is one percent mark.
                if lower == "per", case .word(let next)? = current, next.lowercased() == "cent" {
                    advance()
                    lower = "per cent"
                }
                if !percentIsUnit, Parser.percentWords.contains(lower) { node = .div(node, .number(Rational(100))) }
                if centsAreDollars, Parser.centWords.contains(lower) { node = .div(node, .number(Rational(100))) }
                if let exponent = magnitude(w) { node = try Parser.scaled(node, by: exponent) }
                skipUnitExponent()
            default:
                return node
            }
        }
        return node
    }

    /// `m^2` after a unit: the exponent belongs to the unit.
    mutating func skipUnitExponent() {
        guard at(.op(0x5E)) else { return }
        if case .number? = peek(1) {
            position += 2
        } else if at(.op(0x7B), 1), case .number? = peek(2), at(.op(0x7D), 3) {
            position += 4
        }
    }

    /// A word after a value that names a unit (or percent, or degrees) rather than a product.
    func isUnit(_ w: String) -> Bool {
        let lower = w.lowercased()
        if Parser.functions[lower] != nil || Parser.knownWords.contains(lower) { return false }
        if Parser.percentWords.contains(lower) || Parser.degreeWords.contains(lower) { return true }
        if Parser.shortUnits.contains(w) || magnitude(w) != nil || Parser.gluedUnits.contains(lower) { return true }
        return w.count >= 3 && currentSpaced
    }
}
