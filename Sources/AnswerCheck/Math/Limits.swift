/// Hard bounds on the work one comparison may do; beyond them an answer is `too_complex`.
enum Limits {
    /// Longest answer or ground truth, in UTF-8 bytes, that is parsed at all.
    static let maxInputBytes = 20_000
    /// Most tokens one side may lex into.
    static let maxTokens = 4_000
    /// Deepest nesting of groups and operators the parser accepts (checked before recursing).
    static let maxDepth = 50
    /// Tallest expression tree evaluated (left-deep chains such as `1+1+...+1` grow without nesting).
    static let maxHeight = 250
    /// Widest numerator or denominator, in bits, an exact rational may reach.
    static let maxBits = 40_000
    /// Largest integer exponent applied exactly.
    static let maxExponent = 100_000
    /// Largest n for n! and binomials.
    static let maxFactorial = 3_000
    /// Most terms an explicit sum may have.
    static let maxSumTerms = 10_000
    /// Most evaluation steps one comparison may take in total; a large exact result costs extra
    /// steps growing with the square of its size, so the budget tracks big-integer work too.
    static let maxSteps = 50_000
    /// Most alternatives a `\pm` expansion may produce.
    static let maxAlternatives = 8
    /// Most elements a list, set or matrix may hold.
    static let maxElements = 400
}

/// Why a side could not be turned into a comparable value.
enum MathFailure: Error, Equatable {
    /// A bound in ``Limits`` was hit.
    case tooComplex
    /// The text is not an expression this parser understands.
    case unparseable
    /// The value is undefined here (division by zero, log of zero, ...).
    case undefined
}
