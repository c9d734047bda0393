/// One lexical unit of an answer.
struct Token: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// A number literal; `integral` when written without a fraction part or exponent.
        case number(Rational, integral: Bool)
        /// One ASCII letter.
        case letter(UInt8)
        /// A run of two or more ASCII letters outside any command.
        case word(String)
        /// `\name` for a name the lexer does not resolve itself.
        case command(String)
        /// The content of `\text{...}` and friends when it is only words.
        case text(String)
        /// Single-character punctuation: `+ - * / ^ _ ( ) [ ] { } , ; : ! | '`.
        case op(UInt8)
        case relation(Relation)
        case setOpen, setClose
        case rowSeparator, columnSeparator
        case percent, degree
        /// `and`, `or`, `\text{ and }`: separates list items.
        case conjunction
    }

    var kind: Kind
    /// Whether white space (or a LaTeX spacing command) came right before the token.
    var spaced: Bool
    /// A plain number per kind (and per operator), so the parser can test a token without copying it.
    let code: UInt16

    init(kind: Kind, spaced: Bool) {
        self.kind = kind
        self.spaced = spaced
        code = Token.code(of: kind)
    }

    static func code(of kind: Kind) -> UInt16 {
        switch kind {
        case .op(let c): UInt16(c)
        case .relation(let r): 0x100 + UInt16(r.ordinal)
        case .number: 0x200
        case .letter: 0x201
        case .word: 0x202
        case .command: 0x203
        case .text: 0x204
        case .setOpen: 0x205
        case .setClose: 0x206
        case .rowSeparator: 0x207
        case .columnSeparator: 0x208
        case .percent: 0x209
        case .degree: 0x20A
        case .conjunction: 0x20B
        }
    }

    /// Whether the token is `kind`; payloads are compared only when the codes match.
    func matches(_ kind: Kind) -> Bool {
        guard code == Token.code(of: kind) else { return false }
        if code < 0x200 { return true }
        switch kind {
        case .number, .letter, .word, .command, .text: return self.kind == kind
        default: return true
        }
    }
}

extension Relation {
    var ordinal: Int {
        switch self {
        case .equal: 0
        case .approx: 1
        case .notEqual: 2
        case .less: 3
        case .lessEqual: 4
        case .greater: 5
        case .greaterEqual: 6
        case .member: 7
        }
    }
}
