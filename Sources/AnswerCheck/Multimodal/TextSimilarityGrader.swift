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
        let predicted = units(withoutFence(answer), options)
        let truth = units(groundTruth, options)
        if predicted.isEmpty && truth.isEmpty { return AnswerGrade(score: 1) }
        guard predicted.count <= maxUnits, truth.count <= maxUnits,
            predicted.count <= maxLengthRatio * truth.count + lengthSlack,
            let distance = EditDistance.levenshtein(predicted, truth)
        else { throw GradeFailure(.tooComplex) }
        let similarity = 1 - Double(distance) / Double(max(predicted.count, truth.count))
        guard let threshold = options.threshold else { return AnswerGrade(score: similarity) }
        return AnswerGrade(score: similarity >= threshold ? 1 : 0)
    }

    /// The text as units, normalised as the options ask: Unicode scalars (`cer`) or a 64-bit hash of
    /// each whitespace-separated word (`wer`). Reading stops one unit past ``maxUnits``.
    static func units(_ text: String, _ options: AnswerOptions) -> [UInt64] {
        let cased = options.caseSensitive ? text : text.lowercased()
        var result: [UInt64] = []
        var word: UInt64?
        var pendingSpace = false
        func flushWord() {
            if let hash = word { result.append(hash) }
            word = nil
        }
        for scalar in cased.unicodeScalars {
            if result.count > maxUnits { break }
            let isSpace = scalar.properties.isWhitespace
            switch options.textMetric {
            case .wer:
                if isSpace { flushWord() } else { word = fnv1a(word ?? fnvOffset, scalar.value) }
            case .cer:
                if isSpace && options.collapseWhitespace {
                    pendingSpace = !result.isEmpty
                    continue
                }
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(UInt64(scalar.value))
            }
        }
        flushWord()
        return result
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step; words compare by hash, where a collision is about 2^-64 likely.
    static func fnv1a(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3
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
