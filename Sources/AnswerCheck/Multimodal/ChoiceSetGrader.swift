/// `multi_choice`: a set of option letters, exactly or by F1.
enum ChoiceSetGrader {
    /// All-capital words that are prose, not a compact run of option letters.
    static let capitalWords: Set<Substring> = [
        "AND", "OR", "NOT", "ALL", "NONE", "BOTH", "ONLY", "THE", "ANSWER", "ANSWERS", "ARE", "IS", "OF", "OPTION",
        "OPTIONS", "CORRECT", "FINAL",
    ]

    /// 1 for exactly the right set (or its F1 with `partial: f1`); no letter at all is no prediction.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let truth = letters(in: groundTruth)
        guard !truth.isEmpty else { throw GradeFailure(.unparseableGroundTruth) }
        let predicted = letters(in: answer)
        guard !predicted.isEmpty else { throw GradeFailure(.noPrediction) }
        switch options.setCredit {
        case .exact: return AnswerGrade(score: predicted == truth ? 1 : 0)
        case .f1: return AnswerGrade(score: 2 * Double(predicted.intersection(truth).count) / Double(predicted.count + truth.count))
        }
    }

    /// The option letters a text names: standalone capitals (`A, C and D`, `(A)(C)`) and compact runs
    /// of distinct capitals (`ACD`). Mixed-case words name none; the pronoun `I` (`I think`) is skipped.
    /// A text of nothing but single lower-case letters (`a, c`) names those.
    static func letters(in text: String) -> Set<Character> {
        var capitals: Set<Character> = []
        var lowercaseSingles: Set<Character> = []
        var otherWords = 0
        let words = text.split { !($0.isASCII && $0.isLetter) }
        for word in words {
            if word.allSatisfy(\.isUppercase) {
                if word.count == 1, word == "I", isPronoun(word, in: text) { continue }
                if word.count > 1, capitalWords.contains(word) || Set(word).count != word.count { continue }
                capitals.formUnion(word)
            } else if word.count == 1 {
                lowercaseSingles.insert(Character(word.uppercased()))
            } else if word != "and" && word != "or" {
                otherWords += 1
            }
        }
        if capitals.isEmpty && otherWords == 0 { return lowercaseSingles }
        return capitals
    }

    /// `I` followed by an apostrophe or by a lower-case word other than `and`/`or` is the pronoun.
    static func isPronoun(_ word: Substring, in text: String) -> Bool {
        let rest = text[word.endIndex...]
        if rest.first == "'" || rest.first == "’" { return true }
        guard rest.first == " " else { return false }
        let next = rest.dropFirst().prefix { $0.isLetter }
        return next.first?.isLowercase == true && next != "and" && next != "or"
    }
}
