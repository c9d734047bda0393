/// A recursive-descent parser from tokens to a ``Node``.
///
/// Every descent goes through ``descend(_:)``, which checks the depth bound *before*
/// recursing, so no input can overflow the stack.
struct Parser {
    var tokens: [Token]
    var position = 0
    var depth = 0
    /// Open `|...|` groups: inside one, `|` closes instead of starting a new group.
    var absoluteDepth = 0
    /// Whether `p\%` is just `p` (a unit), for ``MathAnswerChecker/PercentPolicy/either``.
    var percentIsUnit = false
    /// Whether `75 cents` is 0.75 (dollars) rather than 75, for the checker's second reading.
    var centsAreDollars = false
    /// The indices of the sums whose terms are being read (`i` and `e` there are variables).
    var sumIndices: [UInt8] = []
    /// Open arguments of trigonometric functions: a degree mark there converts to radians (`\sin 30^\circ`).
    var trigArguments = 0

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole answer.
    static func parse(_ text: String) throws(MathFailure) -> Node {
        try parse(text, commas: .usual).node
    }

    /// Parses a whole answer with the given reading of bare commas; also tells whether the text
    /// wrote an unambiguous decimal comma (`0,5`, `3{,}75`).
    static func parse(
        _ text: String, commas: CommaReading, percentIsUnit: Bool = false
    ) throws(MathFailure) -> (node: Node, decimalComma: Bool) {
        // A bare non-negative integer, the usual ground truth, is that number whatever the rest
        // would decide; lexing and parsing it cost more than the rest of a score. So are the other
        // plain numbers (`-3`, `0.5`, `\frac{1}{2}`, `7/3`).
        if let value = plainInteger(text) { return (.number(Rational(value)), false) }
        return try parseNonInteger(text, commas: commas, percentIsUnit: percentIsUnit)
    }

    /// ``parse(_:commas:percentIsUnit:)`` for a text already known not to be a plain integer.
    static func parseNonInteger(
        _ text: String, commas: CommaReading, percentIsUnit: Bool = false, centsAreDollars: Bool = false
    ) throws(MathFailure) -> (node: Node, decimalComma: Bool) {
        if let value = simpleNumber(text) { return (.number(value), false) }
        return try parseTokens(text, commas: commas, percentIsUnit: percentIsUnit, centsAreDollars: centsAreDollars)
    }

    /// The value of `[0-9]{1,18}` (`-?[0-9]{1,18}` when `signed`); nil for anything else.
    static func plainInteger(_ text: String, signed: Bool = false) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { plainInteger(in: $0, signed: signed) }
            ?? plainInteger(in: Array(text.utf8), signed: signed)
    }

    private static func plainInteger<Bytes: Collection<UInt8>>(in bytes: Bytes, signed: Bool) -> Int? {
        let negative = signed && bytes.first == UInt8(ascii: "-")
        let digits = negative ? bytes.count - 1 : bytes.count
        guard digits >= 1, digits <= 18 else { return nil }
        var value = 0
        for byte in bytes.dropFirst(negative ? 1 : 0) {
            guard Byte.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
    }

    /// `parse` by the lexer and the grammar, for every input.
    static func parseTokens(
        _ text: String, commas: CommaReading, percentIsUnit: Bool = false, centsAreDollars: Bool = false
    ) throws(MathFailure) -> (node: Node, decimalComma: Bool) {
        guard text.utf8.count <= Limits.maxInputBytes else { throw .tooComplex }
        let scan = try Lexer.scan(text, commas: commas)
        var parser = Parser(scan.tokens)
        parser.percentIsUnit = percentIsUnit
        parser.centsAreDollars = centsAreDollars
        if let words = parser.textAnswer() {
            // "all real numbers" names the set `\mathbb{R}`.
            if Parser.realLineWords.contains(words) { return (Parser.realLine, false) }
            if Parser.emptySetWords.contains(words) { return (.set([]), false) }
            return (.text(words), scan.decimalComma)
        }
        let node = try parser.list(closers: .top).node
        guard parser.position == parser.tokens.count else { throw .unparseable }
        // A tree is never taller than its token count (a word counting one per letter, since `abc`
        // is `a*b*c`), so short answers skip the measurement.
        var weight = 0
        for i in parser.tokens.indices {
            guard parser.tokens[i].code == 0x202, case .word(let w) = parser.tokens[i].kind else {
                weight += 1
                continue
            }
            weight += w.utf8.count
        }
        guard weight <= Limits.maxHeight || node.height <= Limits.maxHeight else { throw .tooComplex }
        return (node, scan.decimalComma)
    }

    static let realLineWords: Set<String> = ["all real numbers", "all reals", "real numbers", "all real values", "all real x"]
    static let realLine = Node.tuple(open: 0x28, close: 0x29, [.neg(.constant(.infinity)), .constant(.infinity)])

    var current: Token.Kind? { position < tokens.count ? tokens[position].kind : nil }
    var currentSpaced: Bool { position < tokens.count && tokens[position].spaced }

    func peek(_ offset: Int) -> Token.Kind? {
        position + offset < tokens.count ? tokens[position + offset].kind : nil
    }

    mutating func advance() { position += 1 }

    /// Whether the token `offset` places ahead is `kind`, without copying it.
    func at(_ kind: Token.Kind, _ offset: Int = 0) -> Bool {
        let i = position + offset
        return i < tokens.count && tokens[i].matches(kind)
    }

    mutating func accept(_ kind: Token.Kind) -> Bool {
        guard at(kind) else { return false }
        advance()
        return true
    }

    mutating func expect(_ kind: Token.Kind) throws(MathFailure) {
        guard accept(kind) else { throw .unparseable }
    }

    mutating func descend<T>(_ body: (inout Parser) throws(MathFailure) -> T) throws(MathFailure) -> T {
        guard depth < Limits.maxDepth else { throw .tooComplex }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// An answer made only of words (`odd`, `Monday`, `\text{yes}`) is compared as text.
    func textAnswer() -> String? {
        // Most answers start with a number, an operator or a command: no word list is made for them.
        guard let first = tokens.first?.code, first == 0x201 || first == 0x202 || first == 0x204 else { return nil }
        var words: [String] = []
        var longest = 0
        for token in tokens {
            switch token.kind {
            case .word(let w), .text(let w):
                guard !Parser.functions.keys.contains(w.lowercased()), !Parser.knownWords.contains(w) else { return nil }
                words.append(w)
                longest = max(longest, w.count)
            case .letter(let l):
                words.append(String(UnicodeScalar(l)))
            default:
                return nil
            }
        }
        // "No" alone answers a yes-or-no question; any other pair of letters is a product (`ab`).
        guard longest >= 3 || words.count == 1 && words[0].lowercased() == "no" else { return nil }
        return words.joined(separator: " ").lowercased()
    }

    /// Items separated by `,` `;` `and` `or` up to one of `closers` (not consumed). A lone item
    /// comes back as itself (`lone`), never wrapped in a list; several make a `.list`.
    /// At the top level, `;` between comma lists groups them: `p=5,q=2;p=7,q=2` is two pairs.
    mutating func list(closers: ListEnd) throws(MathFailure) -> (node: Node, lone: Bool) {
        while accept(.conjunction) {}
        guard position < tokens.count, !closers.contains(tokens[position].code) else {
            if closers == .top { throw .unparseable }
            return (.list([]), false)
        }
        let first = try descend { p throws(MathFailure) in try p.item() }
        // The usual answer is one item: no arrays are made for it.
        if !at(.op(0x3B)), !at(.conjunction), !at(.op(0x2C)) { return (first, true) }
        var items = [first]
        // Where a `;` started a new group (the first group starts at 0); empty for the usual answer without one.
        var laterGroupStarts: [Int] = []
        // Where an `or` / `and` right after an item started a new group: `x=3,y=1 \text{ or } x=-3,y=1`.
        var conjunctionStarts: [Int] = []
        while true {
            if accept(.op(0x3B)) {
                laterGroupStarts.append(items.count)
            } else if accept(.conjunction) {
                conjunctionStarts.append(items.count)
            } else if !accept(.op(0x2C)) {
                break
            }
            while accept(.conjunction) {}
            guard position < tokens.count, !closers.contains(tokens[position].code) else { break }
            guard items.count < Limits.maxElements else { throw .tooComplex }
            items.append(try descend { p throws(MathFailure) in try p.item() })
        }
        if laterGroupStarts.isEmpty, Parser.equalGroups(items, conjunctionStarts) { laterGroupStarts = conjunctionStarts }
        if closers == .top, !laterGroupStarts.isEmpty, laterGroupStarts.count + 1 < items.count {
            let bounds = [0] + laterGroupStarts + [items.count]
            let groups = zip(bounds, bounds.dropFirst()).filter { $0 < $1 }.map { start, end in
                end - start == 1 ? items[start] : Node.tuple(open: 0x28, close: 0x29, Array(items[start..<end]))
            }
            return groups.count == 1 ? (groups[0], false) : (.list(groups), false)
        }
        return items.count == 1 ? (items[0], true) : (.list(items), false)
    }

    /// Whether `starts` cut `items`, all equations, into groups of one size of at least two: the
    /// solutions of a system joined by words. `1, 2 and 3` and `x=1 or x=2` are plain lists.
    static func equalGroups(_ items: [Node], _ starts: [Int]) -> Bool {
        guard let first = starts.first, first >= 2, items.count % first == 0, starts.count + 1 == items.count / first,
              starts.enumerated().allSatisfy({ $1 == ($0 + 1) * first }) else { return false }
        return items.allSatisfy {
            if case .relation(let ops, _) = $0 { return ops == [.equal] }
            return false
        }
    }

    /// A relation chain such as `a < x \le b` or `y = 2x + 1`.
    mutating func item() throws(MathFailure) -> Node {
        let first = try ratio()
        // Most items are no relation: no lists are made for them, and the token is tested by its code.
        guard position < tokens.count, tokens[position].code >> 8 == 1 || opensAnnotation else { return first }
        var operands = [first]
        var relations: [Relation] = []
        while true {
            // `\frac{\pi}{4} (\approx 0.785)`: a parenthesised approximation is an annotation like `\approx 0.785`.
            let parenthesised = opensAnnotation
            if parenthesised {
                position += 1
            } else if position >= tokens.count || tokens[position].code >> 8 != 1 {
                break
            }
            guard case .relation(let r) = current else { break }
            advance()
            guard relations.count < Limits.maxElements else { throw .tooComplex }
            relations.append(r)
            operands.append(try ratio())
            if parenthesised { try expect(.op(0x29)) }
        }
        return relations.isEmpty ? operands[0] : .relation(relations, operands)
    }

    /// Whether `(\approx` starts here.
    var opensAnnotation: Bool {
        at(.op(0x28)) && at(.relation(.approx), 1)
    }

    mutating func ratio() throws(MathFailure) -> Node {
        let first = try union()
        guard accept(.op(0x3A)) else { return first }
        return .ratio(first, try descend { p throws(MathFailure) in try p.ratio() })
    }

    mutating func union() throws(MathFailure) -> Node {
        var first = try expression()
        if at(.command("setminus")), first == Parser.realLine {
            advance()
            first = try Parser.realLine(without: try expression())
        }
        guard at(.command("cup")) else { return first }
        var parts = [first]
        while accept(.command("cup")) {
            guard parts.count < Limits.maxElements else { throw .tooComplex }
            parts.append(try expression())
        }
        return parts.count == 1 ? parts[0] : .union(parts)
    }

    /// Sums and differences, with `\pm` kept as an alternative.
    mutating func expression() throws(MathFailure) -> Node {
        var left = try term()
        while true {
            if accept(.op(0x2B)) {
                left = .add(left, try term())
            } else if accept(.op(0x2D)) {
                left = .sub(left, try term())
            } else if accept(.command("pm")) || accept(.command("mp")) {
                left = .plusMinus(left, try term())
            } else {
                return left
            }
        }
    }
}

/// The token codes (``Token/code``) that end a list, at most two; none at the top level.
struct ListEnd: Equatable {
    private let first: UInt16
    private let second: UInt16

    /// The whole answer: only the end of the tokens ends it.
    static let top = ListEnd(.max)

    init(_ first: UInt16, _ second: UInt16? = nil) {
        self.first = first
        self.second = second ?? first
    }

    func contains(_ code: UInt16) -> Bool { code == first || code == second }
}
