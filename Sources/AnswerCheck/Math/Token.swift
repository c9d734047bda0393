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
}
