/// `multi_choice`: a set of option letters, exactly or by F1.
enum ChoiceSetGrader {
    /// All-capital words that are prose, not a compact run of option letters.
    static let capitalWords: Set<String> = [
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
    /// A text of nothing but single lower-case letters (`a, c`) names those. Reads bytes: linear, no
    /// allocation per word.
    static func letters(in text: String) -> Set<Character> {
        let bytes = Array(text.utf8)
        var capitals = LetterSet()
        var lowercaseSingles = LetterSet()
        var otherWords = 0
        var start = 0
        while start < bytes.count {
            guard isLetter(bytes[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < bytes.count, isLetter(bytes[end]) { end += 1 }
            let word = bytes[start..<end]
            defer { start = end }
            if word.allSatisfy(isCapital) {
                if word.count == 1, word.first == UInt8(ascii: "I"), isPronoun(bytes, after: end) { continue }
                if word.count > 1, word.count > 26 || Set(word).count != word.count || capitalWords.contains(String(decoding: word, as: UTF8.self)) {
                    continue
                }
                for byte in word { capitals.insert(byte) }
            } else if word.count == 1, let only = word.first {
                lowercaseSingles.insert(only - 0x20)
            } else if !word.elementsEqual("and".utf8) && !word.elementsEqual("or".utf8) {
                otherWords += 1
            }
        }
        return (capitals.isEmpty && otherWords == 0 ? lowercaseSingles : capitals).characters
    }

    /// Capital letters as bits, so that a long answer costs no hashing per letter.
    struct LetterSet {
        var bits: UInt32 = 0
        var isEmpty: Bool { bits == 0 }
        mutating func insert(_ capital: UInt8) { bits |= 1 << UInt32(capital - UInt8(ascii: "A")) }
        var characters: Set<Character> {
            Set((0..<26).filter { bits & (1 << $0) != 0 }.map { Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8($0))) })
        }
    }

    /// `I` followed by an apostrophe or by a lower-case word other than `and`/`or` is the pronoun.
    static func isPronoun(_ bytes: [UInt8], after end: Int) -> Bool {
        guard end < bytes.count else { return false }
        if bytes[end] == UInt8(ascii: "'") || bytes[end] == 0xE2 { return true }  // ' or the start of ’
        guard bytes[end] == UInt8(ascii: " "), end + 1 < bytes.count, bytes[end + 1] >= UInt8(ascii: "a"), bytes[end + 1] <= UInt8(ascii: "z")
        else { return false }
        let next = bytes[(end + 1)...].prefix(while: isLetter)
        return !next.elementsEqual("and".utf8) && !next.elementsEqual("or".utf8)
    }

    static func isLetter(_ byte: UInt8) -> Bool { isCapital(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) }

    static func isCapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
}
