/// `ordering`: a permutation against the ground truth's, by positions, adjacent pairs or exactly.
enum OrderingGrader {
    /// The most items an ordering may have; a longer ground truth is too complex.
    static let maxItems = 1_000
    /// An answer longer than this many times the ground truth (plus ``answerSlack`` bytes) is not read:
    /// a written order is about as long as the truth, and splitting prose into items is not free.
    static let maxAnswerRatio = 16
    /// Bytes allowed beyond ``maxAnswerRatio`` times the ground truth, for a sentence around a short order.
    static let answerSlack = 1_024
    /// Characters that separate items in a written order: `2, 1, 3`, `B > A > C`, `B -> A -> C`.
    static let separators: Set<Character> = [",", ";", ">", "|", "\n", "→", "[", "]", "(", ")", "`", "\""]

    /// The share of credit `options.orderingCredit` gives the answer's permutation.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let truth = items(in: QuotedText.unquoted(groundTruth))
        guard truth.count <= maxItems else { throw GradeFailure(.tooComplex) }
        guard !truth.isEmpty, Set(truth).count == truth.count else { throw GradeFailure(.unparseableGroundTruth) }
        guard answer.utf8.count <= maxAnswerRatio * groundTruth.utf8.count + answerSlack else { throw GradeFailure(.tooComplex) }
        let predicted = try permutation(in: answer, of: truth)
        return AnswerGrade(score: credit(predicted, truth: truth, rule: options.orderingCredit))
    }

    /// The answer's items when they are a permutation of the truth's: as written, or else the words
    /// of the answer that name an item (`The order is B, A, C.`).
    static func permutation(in answer: String, of truth: [String]) throws(GradeFailure) -> [String] {
        let expected = truth.sorted()
        let written = items(in: answer)
        if written.count == truth.count, written.sorted() == expected { return written }
        let known = Set(truth)
        let words = answer.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        // An unknown word shaped like an item (`D` among letters, `4` among numbers) is an extra item, not prose.
        let extra = words.contains { !known.contains($0) && looksLikeItem($0, truth: truth) }
        let named = words.filter { known.contains($0) }
        if !extra, named.count == truth.count, named.sorted() == expected { return named }
        throw GradeFailure(written.isEmpty && named.isEmpty ? .noPrediction : .notAPermutation)
    }

    /// Whether a word has the shape of the truth's items: a single letter when they all are, digits when they all are.
    static func looksLikeItem(_ word: String, truth: [String]) -> Bool {
        if truth.allSatisfy({ $0.count == 1 && $0.first?.isLetter == true }) { return word.count == 1 && word.first?.isLetter == true }
        if truth.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return word.allSatisfy(\.isNumber) }
        return false
    }

    /// Quoted items when there are several (`["the cat", "a dog"]`), else the separated items, else
    /// the words; trimmed, case-folded, without a trailing full stop or dash.
    static func items(in text: String) -> [String] {
        let quoted = quotedStrings(in: text)
        if quoted.count >= 2 { return quoted.map(normalised).filter { !$0.isEmpty } }
        // A numbered list (`1. B` on each line) is the order written out: the numbers are not items.
        let lines = text.contains("\n") ? text.split(separator: "\n").map(withoutEnumeration).joined(separator: "\n") : text
        var pieces = lines.split { separators.contains($0) }.map(normalised).filter { !$0.isEmpty }
        if pieces.count == 1 { pieces = pieces[0].split(separator: " ").map(normalised).filter { !$0.isEmpty } }
        return pieces
    }

    /// Positions: share of places holding the right item. Adjacency: share of the truth's
    /// consecutive pairs that stand consecutively, in order, in the answer. Exact: all or nothing.
    static func credit(_ predicted: [String], truth: [String], rule: AnswerOptions.OrderingCredit) -> Double {
        switch rule {
        case .exact:
            return predicted == truth ? 1 : 0
        case .positions:
            return Double(zip(predicted, truth).filter { $0 == $1 }.count) / Double(truth.count)
        case .adjacency:
            guard truth.count > 1 else { return predicted == truth ? 1 : 0 }
            var position: [String: Int] = [:]
            for (offset, item) in predicted.enumerated() { position[item] = offset }
            let kept = zip(truth, truth.dropFirst()).filter { first, second in
                guard let from = position[first], let to = position[second] else { return false }
                return to == from + 1
            }
            return Double(kept.count) / Double(truth.count - 1)
        }
    }

    /// A line without its leading `1.` or `2)` and the space after it.
    static func withoutEnumeration(_ line: Substring) -> Substring {
        let trimmed = line.drop { $0 == " " }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let rest = trimmed.dropFirst(digits.count)
        guard !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return line }
        return rest.dropFirst(2)
    }

    static func normalised(_ item: some StringProtocol) -> String {
        var value = item.trimmedWhitespace.lowercased()
        while let last = value.last, last == "." || last == "-" || last == "=" || last == "–" { value.removeLast() }
        return value.trimmedWhitespace
    }

    static func quotedStrings(in text: String) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.offset.isMultiple(of: 2) }.map { String($0.element) }
            .dropLast(text.filter { $0 == "\"" }.count.isMultiple(of: 2) ? 0 : 1)
    }
}
