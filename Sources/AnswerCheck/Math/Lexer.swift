import BigInt

/// Turns LaTeX or plain text into tokens in one linear pass over its bytes.
///
/// Wrappers such as `\text{..}`, `\mathrm{..}` and `\left` are resolved here, so the parser
/// sees plain mathematics; open braces are tracked as bits, never by recursion.
struct Lexer {
    /// The text's bytes, borrowed for the length of one ``scan(_:commas:)``.
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var tokens: [Token] = []
    var spaced = false
    /// For each open `{`, innermost in the lowest bit: whether its `}` is dropped (the group belonged
    /// to an unwrapped command). Bits, not an array: nesting stops at `Limits.maxDepth`, below 64.
    var droppedBraces: UInt64 = 0
    /// How many `{` are open.
    var openBraces = 0
    /// Digits still to be read one at a time (`\frac12`, `\sqrt3`).
    var singleDigits = 0
    /// Open `(` and `[`: inside them a bare comma separates elements, never thousands.
    var brackets = 0
    /// How a bare comma between digits reads; for a prediction, the ground truth's shape decides.
    var commas = CommaReading.usual
    /// Whether an unambiguous decimal comma was read (`0,5`, `1000,99`, `3{,}75`).
    var sawDecimalComma = false
    /// Open `\{`: inside a set a bare `3,75` stays two elements even under `decimalCommas`.
    var setBraces = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Room for a short answer's tokens at once, instead of growing from empty; long inputs grow as needed.
        tokens.reserveCapacity(min(bytes.count, 256))
    }

    /// Lexes the whole input.
    static func tokens(of text: String) throws(MathFailure) -> [Token] {
        try scan(text, commas: .usual).tokens
    }

    /// Lexes the whole input with the given reading of bare commas; also tells whether the input
    /// itself wrote an unambiguous decimal comma.
    static func scan(_ text: String, commas: CommaReading) throws(MathFailure) -> (tokens: [Token], decimalComma: Bool) {
        func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<(tokens: [Token], decimalComma: Bool), MathFailure> {
            var lexer = Lexer(bytes)
            lexer.commas = commas
            do throws(MathFailure) { try lexer.run() } catch { return .failure(error) }
            return .success((lexer.tokens, lexer.sawDecimalComma))
        }
        // ASCII text (nearly every answer) is lexed where it lies, without a copy.
        let inPlace = text.utf8.withContiguousStorageIfAvailable { b in ByteSearch.isASCII(b) ? lex(b) : nil }
        if let result = inPlace ?? nil { return try result.get() }
        return try TextNormalizer.bytes(of: text).withUnsafeBufferPointer(lex).get()
    }

    func peek(_ offset: Int = 0) -> UInt8? {
        let i = index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    mutating func emit(_ kind: Token.Kind) throws(MathFailure) {
        guard tokens.count < Limits.maxTokens else { throw .tooComplex }
        tokens.append(Token(kind: kind, spaced: spaced))
        spaced = false
    }

    private mutating func run() throws(MathFailure) {
        while let c = peek() {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x7E:  // space, tab, newlines, `~`
                index += 1
                spaced = true
            case 0x30...0x39, 0x2E:
                if c == 0x2E, !(peek(1).map(Byte.isDigit) ?? false) {
                    if try dotsAfterComma() { continue }
                    index += 1  // a stray full stop ends a sentence, it is not an operator
                    spaced = true
                } else {
                    try number()
                }
            case 0x41...0x5A, 0x61...0x7A:
                try letters()
            case 0x5C:
                try backslash()
            case 0x7B:
                try openBrace(dropped: false)
            case 0x7D:
                index += 1
                guard openBraces > 0 else { throw .unparseable }
                let dropped = droppedBraces & 1 == 1
                droppedBraces >>= 1
                openBraces -= 1
                if !dropped { try emit(.op(c)) }
            case 0x24:  // `$`: math delimiters and currency carry no value
                index += 1
            case 0x25:
                index += 1
                try emit(.percent)
            case 0x26:
                index += 1
                try emit(.columnSeparator)
            case 0x3C, 0x3E, 0x3D, 0x21:
                try relationOrBang(c)
            case 0x5E:
                try caret()
            case 0x2A where peek(1) == 0x2A:  // `2**10`: a power as programs write it
                index += 2
                try emit(.op(0x5E))
            case 0x2B, 0x2D, 0x2A, 0x2F, 0x28, 0x29, 0x5B, 0x5D, 0x2C, 0x3B, 0x3A, 0x7C, 0x27, 0x5F:
                index += 1
                if c == 0x28 || c == 0x5B { brackets += 1 }
                if c == 0x29 || c == 0x5D { brackets -= 1 }
                try emit(.op(c))
            case Byte.degree:
                index += 1
                try emit(.degree)
            default:
                throw .unparseable
            }
        }
        guard openBraces == 0 else { throw .unparseable }
    }

    mutating func openBrace(dropped: Bool) throws(MathFailure) {
        index += 1
        guard openBraces < min(Limits.maxDepth, 64) else { throw .tooComplex }
        droppedBraces = droppedBraces << 1 | (dropped ? 1 : 0)
        openBraces += 1
        singleDigits = 0
        if !dropped { try emit(.op(0x7B)) }
    }

    private mutating func relationOrBang(_ c: UInt8) throws(MathFailure) {
        index += 1
        let nextIsEqual = peek() == 0x3D
        if nextIsEqual { index += 1 }
        switch (c, nextIsEqual) {
        case (0x3C, false): try emit(.relation(.less))
        case (0x3C, true): try emit(.relation(.lessEqual))
        case (0x3E, false): try emit(.relation(.greater))
        case (0x3E, true): try emit(.relation(.greaterEqual))
        case (0x3D, _): try emit(.relation(.equal))
        case (_, true): try emit(.relation(.notEqual))
        default: try emit(.op(0x21))
        }
    }

    /// `^\circ` and `^{\circ}` are degrees, not powers.
    private mutating func caret() throws(MathFailure) {
        for form in [Array("^\\circ".utf8), Array("^{\\circ}".utf8)] where matches(form) {
            index += form.count
            try emit(.degree)
            return
        }
        index += 1
        try emit(.op(0x5E))
    }

    func matches(_ form: [UInt8]) -> Bool {
        guard index + form.count <= bytes.count else { return false }
        for (k, b) in form.enumerated() where bytes[index + k] != b { return false }
        return true
    }

    private mutating func letters() throws(MathFailure) {
        let start = index
        while let c = peek(), Byte.isLetter(c) { index += 1 }
        if index - start == 1 {
            try emit(.letter(bytes[start]))
        } else {
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            if word == "and" || word == "or" { try emit(.conjunction) } else { try emit(.word(word)) }
        }
    }
}

/// How a bare comma between digits (`3,75`) reads.
enum CommaReading: Sendable {
    /// `0,5` and `1000,99` are decimals, `2,74` two numbers: a ground truth, or a prediction whose
    /// ground truth is neither a list nor a decimal.
    case usual
    /// `2,74` is 2.74 too: the ground truth writes its own decimals with a comma (`0,5`, `3{,}75`)
    /// or is one decimal number written with a point (`2.74`).
    case decimal
    /// Every bare comma separates: the ground truth is a list, set or tuple of several items
    /// (and writes no decimal comma of its own).
    case separator
}

extension Lexer {
    /// Reads a number with its thousands separators, decimal part and exponent.
    fileprivate mutating func number() throws(MathFailure) {
        if singleDigits > 0, let c = peek(), Byte.isDigit(c) {
            singleDigits -= 1
            index += 1
            try emit(.number(Rational(Int(c - 0x30)), integral: true))
            return
        }
        if let value = plainDigits() {
            return try emit(.number(Rational(value), integral: true))
        }
        // Integer and fraction digits go into one accumulator, a machine word while they fit: no array per number.
        var digits = DigitAccumulator()
        let lead = scanDigits(into: &digits)
        let first = lead > 0 ? bytes[index - lead] : nil
        var grouped = false
        if lead >= 1, lead <= 3, !(lead == 1 && first == 0x30) {
            while let skip = thousandsSeparator(), group(at: index + skip) {
                index += skip
                _ = scanDigits(into: &digits)
                grouped = true
            }
        }
        let integerDigits = digits.count
        if peek() == 0x2E, let d = peek(1), Byte.isDigit(d) {
            index += 1
            _ = scanDigits(into: &digits)
        } else if peek() == 0x7B, matches(Lexer.bracedComma), let d = peek(3), Byte.isDigit(d), !group(at: index + 3) {
            // `3{,}75`: the way LaTeX writes a decimal comma (a bare `,` in mathematics separates).
            index += 3
            _ = scanDigits(into: &digits)
            sawDecimalComma = true
        } else if !grouped, brackets == 0, peek() == 0x2C, decimalComma(lead: lead, first: first) {
            index += 1
            _ = scanDigits(into: &digits)
            sawDecimalComma = true
        }
        let fractionDigits = digits.count - integerDigits
        let repeating = lead > 0 ? repeatingDigits(afterPoint: fractionDigits == 0) : nil
        let exponent = repeating == nil ? try scientificExponent() : nil
        let integral = fractionDigits == 0 && exponent == nil
        guard digits.count <= 4_000 else { throw .tooComplex }
        var value: Rational
        if let mantissa = digits.word {
            // Fits a machine word: no text round trip.
            var scale = 1
            for _ in 0..<fractionDigits { scale *= 10 }
            value = scale == 1 ? Rational(mantissa) : try Rational(mantissa, scale)
        } else {
            let mantissa = BigInt(digits.text) ?? 0
            value = try Rational(mantissa, BigInt(10).power(fractionDigits))
        }
        if let exponent {
            value = try value * Rational(10).power(exponent)
        }
        if let repeating {
            value = try value + repeatingValue(repeating, after: fractionDigits)
        }
        try emit(.number(value, integral: integral && repeating == nil))
    }

    /// The usual number, consumed: at most 18 digits that nothing after them continues (no point,
    /// comma, group separator, repeating mark or exponent may follow); nil, consuming nothing, otherwise.
    private mutating func plainDigits() -> Int? {
        var end = index
        var value = 0
        while end < bytes.count, Byte.isDigit(bytes[end]), end - index < 18 {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        guard end > index else { return nil }
        if end < bytes.count {
            switch bytes[end] {
            case 0x30...0x39, 0x2E, 0x2C, 0x7B, 0x5C, 0x7E, 0x20, 0x65, 0x45: return nil
            default: break
            }
        }
        index = end
        return value
    }

    private mutating func scanDigits(into out: inout DigitAccumulator) -> Int {
        let start = index
        while let c = peek(), Byte.isDigit(c) {
            out.append(c)
            index += 1
        }
        return index - start
    }

    /// The length of a thousands separator at the cursor (`,` `{,}` `{,}\!` `,\!` `,\,` `\,` `\!`
    /// `\;` `\:` `\>` `\ ` `~` or one space), counting one space after a spacing command; nil if none.
    private func thousandsSeparator() -> Int? {
        guard let next = peek() else { return nil }
        let length: Int
        let spacing: Bool  // whether the separator ends in a spacing command (`\!`), which a space may follow
        switch next {
        case 0x7B:  // `{,}` and `{,}\!`
            guard matches(Lexer.bracedComma) else { return nil }
            spacing = peek(3) == 0x5C && peek(4) == 0x21
            length = spacing ? 5 : 3
        case 0x2C:  // `,\!` and `,\,`; a bare `,` only outside brackets
            spacing = peek(1) == 0x5C && (peek(2) == 0x21 || peek(2) == 0x2C)
            guard spacing || brackets == 0 else { return nil }
            length = spacing ? 3 : 1
        case 0x5C:  // `\,` `\!` `\;` `\:` `\>` `\ `
            guard let s = peek(1), s == 0x2C || s == 0x21 || s == 0x3B || s == 0x3A || s == 0x3E || s == 0x20 else {
                return nil
            }
            spacing = true
            length = 2
        case 0x7E, 0x20:
            spacing = false
            length = 1
        default:
            return nil
        }
        return length + (spacing && peek(length) == 0x20 ? 1 : 0)
    }

    private static let bracedComma = Array("{,}".utf8)

    /// Whether exactly three digits start at `i`.
    private func group(at i: Int) -> Bool {
        guard i + 3 <= bytes.count else { return false }
        for k in i..<(i + 3) where !Byte.isDigit(bytes[k]) { return false }
        return i + 3 == bytes.count || !Byte.isDigit(bytes[i + 3])
    }

    /// `0,111` and `1000,99` are decimal commas; `2,74` stays a list of two numbers unless the
    /// ground truth writes decimal commas itself (`.decimal`), where a group after the comma that
    /// is not three digits makes it a decimal. Against a ground truth that is a list
    /// (`.separator`) and inside `\{...\}` a bare comma always separates.
    private func decimalComma(lead: Int, first: UInt8?) -> Bool {
        guard commas != .separator, setBraces == 0, let d = peek(1), Byte.isDigit(d) else { return false }
        var count = 0
        while let c = peek(1 + count), Byte.isDigit(c) { count += 1 }
        if lead == 1, first == 0x30 { return true }
        if commas == .decimal, count != 3 { return true }
        return lead >= 4 && count <= 2
    }

    /// `e-7`, `E3` right after a mantissa.
    private mutating func scientificExponent() throws(MathFailure) -> Int? {
        guard let c = peek(), c == 0x65 || c == 0x45 else { return nil }
        var k = 1
        var negative = false
        if let s = peek(1), s == 0x2D || s == 0x2B {
            negative = s == 0x2D
            k = 2
        }
        guard let d = peek(k), Byte.isDigit(d) else { return nil }
        if let after = peek(k + 1), Byte.isLetter(after) { return nil }
        index += k
        var digits = DigitAccumulator()
        _ = scanDigits(into: &digits)
        guard digits.count <= 6, let e = digits.word else { throw .tooComplex }
        return negative ? -e : e
    }
}

/// A number's decimal digits as the lexer reads them: their value while it fits a machine word
/// (18 digits), and the digits as text only for a longer number.
struct DigitAccumulator {
    /// How many digits were appended.
    private(set) var count = 0
    private var value = 0
    private var long: [UInt8] = []

    /// Appends one ASCII digit.
    mutating func append(_ digit: UInt8) {
        if count < 18 {
            value = value * 10 + Int(digit - 0x30)
        } else {
            // The first 18 digits as their value's text: leading zeros change no integer.
            if long.isEmpty { long = Array(String(value).utf8) }
            long.append(digit)
        }
        count += 1
    }

    /// The digits' value when there are at most 18 of them, else nil.
    var word: Int? { count <= 18 ? value : nil }

    /// The digits as text (without leading zeros when longer than a word).
    var text: String { count <= 18 ? String(value) : String(decoding: long, as: UTF8.self) }
}
