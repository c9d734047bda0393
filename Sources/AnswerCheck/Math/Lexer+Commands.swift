/// LaTeX commands: those resolved while lexing, and the names passed on to the parser.
extension Lexer {
    /// Commands that only change spacing or sizing.
    static let ignored: Set<String> = [
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr",
        "quad", "qquad", "displaystyle", "textstyle", "limits", "nolimits", "middle", "hfill",
        "mathclap", "phantom", "ensuremath", "medspace", "thinspace",
        // Currency signs carry no value, as `\$` does not.
        "textdollar", "pounds", "textsterling", "euro", "yen",
    ]
    /// Commands whose braced argument is read as text: words stay words, mathematics is unwrapped.
    static let textual: Set<String> = [
        "text", "textbf", "textit", "textrm", "textnormal", "textsf", "texttt", "mbox", "hbox",
        "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathnormal", "emph", "operatorname",
    ]
    /// Commands whose braced argument is mathematics to keep as it is.
    static let transparent: Set<String> = [
        "boxed", "fbox", "overline", "bar", "vec", "hat", "tilde", "widehat", "overrightarrow",
        "boldsymbol", "bm", "mathcal", "underline", "mathscr", "mathfrak",
    ]
    /// The spacing commands that may run into the letters after them (`\quadx`), longest first.
    static let quads = [Array("qquad".utf8), Array("quad".utf8)]
    static let relations: [String: Relation] = [
        "le": .lessEqual, "leq": .lessEqual, "leqslant": .lessEqual, "ge": .greaterEqual,
        "geq": .greaterEqual, "geqslant": .greaterEqual, "lt": .less, "gt": .greater, "ne": .notEqual,
        "neq": .notEqual, "approx": .approx, "in": .member,
    ]

    mutating func backslash() throws(MathFailure) {
        index += 1
        guard var c = peek() else { return }
        // `\\frac` in doubly escaped text means `\frac`; a real line break is not followed by a letter.
        if c == 0x5C, let next = peek(1), Byte.isLetter(next) {
            index += 1
            c = next
        }
        if !Byte.isLetter(c) {
            index += 1
            switch c {
            case 0x5C: try emit(.rowSeparator)
            case 0x7B: try setBrace(open: true)
            case 0x7D: try setBrace(open: false)
            case 0x25: try emit(.percent)
            case 0x7C: try emit(.op(0x7C))
            default: spaced = true  // `\,` `\!` `\;` `\ ` `\$` and the like
            }
            return
        }
        let start = index
        while let l = peek(), Byte.isLetter(l) { index += 1 }
        // `\quadx` is a space before `x`, not a command of its own.
        if bytes[start] == 0x71 {
            for space in Lexer.quads where index - start > space.count && bytes[start..<index].starts(with: space) {
                index = start + space.count
                break
            }
        }
        try command(bytes[start..<index])
    }

    /// How the lexer treats a command name; one table lookup per command.
    enum Role: Equatable {
        case ignored, relation(Relation), times, divide, colon, degree, fraction, binomial, root, blackboard
        case emptySet, transparent, textual
        /// `\dots` `\ldots` `\cdots`: spacing, except as the last item of a list.
        case ellipsis
        /// `\langle 1, 2 \rangle` is the vector `(1, 2)`.
        case angle(open: Bool)
        /// `\lbrace 1, 2 \rbrace` is the set `\{1, 2\}`.
        case setBrace(open: Bool)
    }

    static let roles: NameTable<Role> = {
        var table: [(String, Role)] = []
        for name in ignored { table.append((name, .ignored)) }
        for (name, r) in relations { table.append((name, .relation(r))) }
        for name in transparent { table.append((name, .transparent)) }
        for name in textual { table.append((name, .textual)) }
        for name in ["cdot", "times", "ast"] { table.append((name, .times)) }
        for name in ["dots", "ldots", "cdots"] { table.append((name, .ellipsis)) }
        for name in ["dfrac", "tfrac", "cfrac", "frac"] { table.append((name, .fraction)) }
        for name in ["binom", "dbinom", "tbinom"] { table.append((name, .binomial)) }
        table += [("div", .divide), ("colon", .colon), ("circ", .degree), ("degree", .degree), ("sqrt", .root), ("mathbb", .blackboard)]
        table += [("varnothing", .emptySet), ("langle", .angle(open: true)), ("rangle", .angle(open: false))]
        table += [("lbrace", .setBrace(open: true)), ("rbrace", .setBrace(open: false)), ("deg", .degree)]
        return NameTable(table)
    }()

    private mutating func command(_ spelling: Slice<UnsafeBufferPointer<UInt8>>) throws(MathFailure) {
        guard let role = Lexer.roles[spelling] else {
            return try emit(.command(String(decoding: spelling, as: UTF8.self)))
        }
        switch role {
        case .ignored:
            // `\left.` and `\right.` stand for no delimiter.
            if peek() == 0x2E, spelling.elementsEqual("left".utf8) || spelling.elementsEqual("right".utf8) { index += 1 }
            spaced = true
        case .ellipsis:
            if afterComma { return try emit(.command("ldots")) }
            spaced = true
        case .relation(let r): try emit(.relation(r))
        case .times: try emit(.op(0x2A))
        case .divide: try emit(.op(0x2F))
        case .colon: try emit(.op(0x3A))
        case .degree: try emit(.degree)
        case .fraction, .binomial:
            singleDigits = 2
            try emit(.command(role == .fraction ? "frac" : "binom"))
        case .root:
            singleDigits = 1
            try emit(.command("sqrt"))
        case .blackboard:
            let content = try skipSpaceAndReadGroup()
            try emit(.command(content == "R" ? "reals" : "mathbb"))
        case .emptySet: try emit(.command("emptyset"))
        case .transparent:
            skipSpaces()
            if peek() == 0x7B { try openBrace(dropped: true) }
        case .textual:
            try textual(operatorName: spelling.elementsEqual("operatorname".utf8), upright: spelling.elementsEqual("mathrm".utf8))
        case .angle(let open):
            brackets += open ? 1 : -1
            try emit(.op(open ? 0x28 : 0x29))
        case .setBrace(let open): try setBrace(open: open)
        }
    }

    /// `\{` or `\lbrace` (`open`), `\}` or `\rbrace`.
    private mutating func setBrace(open: Bool) throws(MathFailure) {
        setBraces += open ? 1 : -1
        try emit(open ? .setOpen : .setClose)
    }

    /// Whether the last token is a comma: an ellipsis there is an item of the list (`1, 2, 3, \ldots`,
    /// an endless sequence), elsewhere it is spacing (`1 + 2 + \cdots + n`).
    var afterComma: Bool {
        if case .op(0x2C)? = tokens.last?.kind { return true }
        return false
    }

    /// `...` after a comma: the ellipsis item of an endless list.
    mutating func dotsAfterComma() throws(MathFailure) -> Bool {
        guard afterComma, peek(1) == 0x2E, peek(2) == 0x2E else { return false }
        index += 3
        try emit(.command("ldots"))
        return true
    }

    private mutating func skipSpaces() {
        while let c = peek(), c == 0x20 { index += 1 }
    }

    /// Reads `{...}` with no nested braces and returns its content.
    private mutating func skipSpaceAndReadGroup() throws(MathFailure) -> String {
        skipSpaces()
        guard peek() == 0x7B else { return "" }
        guard let end = closingBrace(from: index) else { throw .unparseable }
        let content = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        return content
    }

    /// The index of the `}` matching the `{` at `open`, scanning at most a bounded distance.
    private func closingBrace(from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < bytes.count, i - open < Limits.maxInputBytes {
            switch bytes[i] {
            case 0x5C: i += 1
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// `\text{cm}` is a word, `\text{ and }` a conjunction, `\text{13}` is unwrapped to `13`.
    private mutating func textual(operatorName: Bool, upright: Bool = false) throws(MathFailure) {
        skipSpaces()
        guard peek() == 0x7B, let end = closingBrace(from: index) else { return }
        let raw = bytes[(index + 1)..<end]
        // `~` is a space; `/` joins a unit's parts (`\text{ km/h}`, `\mathrm{~m}`).
        let words = raw.allSatisfy {
            Byte.isLetter($0) || $0 == 0x20 || $0 == 0x2E || $0 == 0x2D || $0 == 0x27 || $0 == 0x7E || $0 == 0x2F
        }
        let letterCount = raw.count(where: Byte.isLetter)
        let content = String(decoding: raw.map { $0 == 0x7E ? 0x20 : $0 }, as: UTF8.self).trimmed
        if content.isEmpty {
            index = end + 1
            return
        }
        let afterValue: Bool
        switch tokens.last?.kind {
        case .number?, .degree?: afterValue = true
        default: afterValue = false
        }
        // An upright `\mathrm{i}` or `\mathrm{e}` is the imaginary unit or Euler's number, not a unit.
        let constant = raw.count == 1 && (raw.first == 0x69 || raw.first == 0x65) && upright
        if words, letterCount >= 1, !constant,
           operatorName || letterCount >= 2 || raw.count != content.utf8.count || afterValue {
            index = end + 1
            let folded = content.lowercased()
            if folded == "and" || folded == "or" { return try emit(.conjunction) }
            if operatorName { return try emit(.word(content)) }
            return try emit(.text(content))
        }
        try openBrace(dropped: true)
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    var trimmed: String {
        // Most texts have nothing to trim: two bytes settle it without a copy.
        let untouched = utf8.withContiguousStorageIfAvailable { b in
            b.isEmpty || !Byte.isSpace(b[0]) && !Byte.isSpace(b[b.count - 1])
        }
        if untouched == true { return self }
        let u = Array(utf8)
        var a = 0
        var b = u.count
        while a < b, Byte.isSpace(u[a]) { a += 1 }
        while b > a, Byte.isSpace(u[b - 1]) { b -= 1 }
        return String(decoding: u[a..<b], as: UTF8.self)
    }
}
