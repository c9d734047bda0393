/// A formula that could not be parsed, with the 1-based character position of the problem.
public struct FormulaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based position in the formula text.
    public var position: Int
    /// What is wrong there.
    public var message: String

    /// "message at position N".
    public var description: String { "\(message) at position \(position)" }
}

extension Formula {
    /// Parses a custom formula over the component names (the built-in ones and `custom`), numbers,
    /// `+ - * /`, parentheses, `min` and `max`.
    public static func parse(_ source: String, custom: Set<String> = []) throws(FormulaError) -> Formula {
        var parser = FormulaParser(Array(source))
        parser.custom = custom
        let root = try parser.parseExpression()
        parser.skipSpaces()
        if !parser.atEnd { throw parser.error("unexpected '\(parser.current)'") }
        return Formula(root: root, source: source)
    }
}

/// A recursive-descent parser; nesting is capped so hostile input cannot exhaust the stack.
private struct FormulaParser {
    let characters: [Character]
    /// The custom components' names.
    var custom: Set<String> = []
    var index = 0
    var depth = 0
    static let maxDepth = 64

    init(_ characters: [Character]) {
        self.characters = characters
    }

    var atEnd: Bool { index >= characters.count }
    var current: Character { characters[index] }

    func error(_ message: String) -> FormulaError {
        FormulaError(position: index + 1, message: message)
    }

    mutating func skipSpaces() {
        while !atEnd, current.isWhitespace { index += 1 }
    }

    mutating func parseExpression() throws(FormulaError) -> Formula.Node {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("formula nested too deeply") }
        var node = try parseTerm()
        while true {
            skipSpaces()
            guard !atEnd, let op = Formula.Operator(rawValue: current), op == .add || op == .subtract else { return node }
            index += 1
            node = .binary(op, node, try parseTerm())
        }
    }

    mutating func parseTerm() throws(FormulaError) -> Formula.Node {
        var node = try parseUnary()
        while true {
            skipSpaces()
            guard !atEnd, let op = Formula.Operator(rawValue: current), op == .multiply || op == .divide else { return node }
            index += 1
            node = .binary(op, node, try parseUnary())
        }
    }

    mutating func parseUnary() throws(FormulaError) -> Formula.Node {
        skipSpaces()
        if !atEnd, current == "-" {
            index += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw error("formula nested too deeply") }
            return .negate(try parseUnary())
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(FormulaError) -> Formula.Node {
        skipSpaces()
        guard !atEnd else { throw error("expected a number, a component name or '('") }
        if current == "(" {
            index += 1
            let inner = try parseExpression()
            try expect(")")
            return inner
        }
        if current.isNumber || current == "." { return try parseNumber() }
        if current.isLetter || current == "_" { return try parseName() }
        throw error("unexpected '\(current)'")
    }

    mutating func parseNumber() throws(FormulaError) -> Formula.Node {
        let start = index
        while !atEnd, current.isNumber || current == "." || current == "e" || current == "E"
            || ((current == "-" || current == "+") && index > start && (characters[index - 1] == "e" || characters[index - 1] == "E"))
        {
            index += 1
        }
        guard let value = Double(String(characters[start..<index])), value.isFinite else {
            index = start
            throw error("malformed number")
        }
        return .number(value)
    }

    mutating func parseName() throws(FormulaError) -> Formula.Node {
        let start = index
        while !atEnd, current.isLetter || current.isNumber || current == "_" { index += 1 }
        let name = String(characters[start..<index])
        if let function = Formula.Function(rawValue: name) {
            skipSpaces()
            try expect("(")
            var arguments = [try parseExpression()]
            skipSpaces()
            while !atEnd, current == "," {
                index += 1
                arguments.append(try parseExpression())
                skipSpaces()
            }
            try expect(")")
            return .call(function, arguments)
        }
        if custom.contains(name) { return .custom(name) }
        guard let component = ComponentName(rawValue: name) else {
            index = start
            let known = (ComponentName.allCases.map(\.rawValue) + custom.sorted()).joined(separator: ", ")
            throw error("unknown name '\(name)' (known: \(known), min, max)")
        }
        return .component(component)
    }

    mutating func expect(_ character: Character) throws(FormulaError) {
        skipSpaces()
        guard !atEnd, current == character else { throw error("expected '\(character)'") }
        index += 1
    }
}
