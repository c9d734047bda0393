/// `ocr`: recognised text against the ground truth, by one minus the normalised edit distance.
enum TextSimilarityGrader {
    /// The most units (characters or words) either side may have.
    static let maxUnits = 20_000
    /// An answer longer than this many times the ground truth (plus ``lengthSlack``) is not compared:
    /// its similarity is at most about 1/4, and comparing it is where the work lies.
    static let maxLengthRatio = 4
    /// Units allowed beyond ``maxLengthRatio`` times the ground truth, so short truths are not too strict.
    static let lengthSlack = 32

    /// 1 − Levenshtein / max(length), in characters (`cer`) or words (`wer`); 0/1 at `threshold` when given.
    static func grade(_ answer: String, groundTruth: String, options: AnswerOptions) throws(GradeFailure) -> AnswerGrade {
        let (predicted, truth) = units(normalised(withoutFence(answer), options), normalised(groundTruth, options), options.textMetric)
        if predicted.isEmpty && truth.isEmpty { return AnswerGrade(score: 1) }
        guard predicted.count <= maxUnits, truth.count <= maxUnits,
            predicted.count <= maxLengthRatio * truth.count + lengthSlack,
            let distance = EditDistance.levenshtein(predicted, truth)
        else { throw GradeFailure(.tooComplex) }
        let similarity = 1 - Double(distance) / Double(max(predicted.count, truth.count))
        guard let threshold = options.threshold else { return AnswerGrade(score: similarity) }
        return AnswerGrade(score: similarity >= threshold ? 1 : 0)
    }

    /// The text case-folded and with runs of whitespace as one space, as the options ask.
    static func normalised(_ text: String, _ options: AnswerOptions) -> String {
        let cased = options.caseSensitive ? text : text.lowercased()
        guard options.collapseWhitespace else { return cased }
        return cased.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Both sides as integer units, equal units sharing a number, so the distance compares integers.
    static func units(_ first: String, _ second: String, _ metric: AnswerOptions.TextMetric) -> ([Int32], [Int32]) {
        switch metric {
        case .cer:
            var numbering: [Character: Int32] = [:]
            return (numbered(first, &numbering), numbered(second, &numbering))
        case .wer:
            var numbering: [Substring: Int32] = [:]
            return (numbered(first.split(whereSeparator: \.isWhitespace), &numbering),
                    numbered(second.split(whereSeparator: \.isWhitespace), &numbering))
        }
    }

    static func numbered<Units: Sequence>(_ units: Units, _ numbering: inout [Units.Element: Int32]) -> [Int32]
    where Units.Element: Hashable {
        var result: [Int32] = []
        for unit in units {
            // Past the cap the units are not needed: the length alone refuses the comparison.
            if result.count > maxUnits { break }
            if let number = numbering[unit] {
                result.append(number)
            } else {
                let number = Int32(numbering.count)
                numbering[unit] = number
                result.append(number)
            }
        }
        return result
    }

    /// The text inside a Markdown code fence, when the whole answer is one.
    static func withoutFence(_ text: String) -> String {
        let trimmed = text.trimmedWhitespace
        guard trimmed.hasPrefix("```"), trimmed.hasSuffix("```"), trimmed.count >= 6,
            let firstLineEnd = trimmed.firstIndex(of: "\n")
        else { return text }
        return String(trimmed[trimmed.index(after: firstLineEnd)...].dropLast(3))
    }
}
