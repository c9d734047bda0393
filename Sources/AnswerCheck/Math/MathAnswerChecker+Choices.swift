/// A multiple-choice answer written with its value: `\textbf{(E)}\ 24`, `(B) 5`.
extension MathAnswerChecker {
    private static let wrappers = ["\\textbf{", "\\text{", "\\mathrm{", "\\mathbf{", "\\textrm{"]
    private static let spaces = ["\\ ", "\\quad", "\\qquad", "\\,", "\\;", "~", "$"]

    /// The choice letter and the value after it, when `text` is `(X)` (possibly in `\textbf{}`)
    /// followed by a value; nil for anything else, a bare `(E)` included.
    static func choiceAndValue(_ text: String) -> (letter: String, value: String)? {
        guard text.utf8.count <= 200 else { return nil }
        var rest = Substring(text)
        let wrapper = wrappers.first { rest.hasPrefix($0) }
        if let wrapper { rest = rest.dropFirst(wrapper.count) }
        rest = rest.drop { $0 == " " }
        let u = Array(rest.utf8.prefix(3))
        guard u.count == 3, u[0] == 0x28, u[1] >= 0x41, u[1] <= 0x5A, u[2] == 0x29 else { return nil }
        let letter = String(UnicodeScalar(u[1]))
        rest = rest.dropFirst(3).drop { $0 == " " }
        if wrapper != nil {
            if rest.hasPrefix("}") {
                rest = rest.dropFirst()
            } else if rest.hasSuffix("}") {
                rest = rest.dropLast()  // `\textbf{(E) 24}`
            } else {
                return nil
            }
        }
        var trimmed = true
        while trimmed {
            trimmed = false
            rest = rest.drop { $0 == " " }
            for space in spaces where rest.hasPrefix(space) {
                rest = rest.dropFirst(space.count)
                trimmed = true
            }
        }
        let value = String(rest).trimmed
        guard !value.isEmpty else { return nil }
        return (letter, value)
    }

    /// The letter of a side that is only a choice letter: `E`, `(E)`, `\textbf{(E)}`, `\text{E}`.
    static func bareLetter(_ text: String) -> String? {
        var rest = Substring(text.trimmed)
        if let wrapper = wrappers.first(where: { rest.hasPrefix($0) }), rest.hasSuffix("}") {
            rest = rest.dropFirst(wrapper.count).dropLast()
        }
        if rest.hasPrefix("("), rest.hasSuffix(")") { rest = rest.dropFirst().dropLast() }
        let u = Array(rest.utf8)
        guard u.count == 1, u[0] >= 0x41, u[0] <= 0x5A else { return nil }
        return String(rest)
    }

    /// The verdict when either side is a choice with its value: against a bare letter the letters
    /// must match, against anything else the values (both when both sides have them). So a letter
    /// written as the value of another letter (`(B) A` against `A`) is a hedge, not an answer.
    func checkChoices(
        answer: String, gold: String, marked: (answer: Bool, gold: Bool), tolerance: Double, precision: Int?
    ) -> AnswerVerdict? {
        // Only a side with a choice mark (`(A)`, found by ``SideScan``) can hold a choice and its value.
        let a = marked.answer ? Self.choiceAndValue(answer) : nil
        let g = marked.gold ? Self.choiceAndValue(gold) : nil
        func same(_ x: String, _ y: String) -> Bool {
            check(answer: x, groundTruth: y, tolerance: tolerance, precision: precision).isCorrect
        }
        switch (a, g) {
        case (nil, nil):
            return nil
        case let (a?, g?):
            return a.letter == g.letter && same(a.value, g.value) ? .correct : .wrong(.notEquivalent)
        case let (a?, nil):
            if let letter = Self.bareLetter(gold) { return a.letter == letter ? .correct : .wrong(.notEquivalent) }
            return same(a.value, gold) ? .correct : .wrong(.notEquivalent)
        case let (nil, g?):
            if let letter = Self.bareLetter(answer) { return letter == g.letter ? .correct : .wrong(.notEquivalent) }
            return same(answer, g.value) ? .correct : .wrong(.notEquivalent)
        }
    }
}
