/// `count`: an integer, in digits or words, where naming several different numbers is hedging.
enum CountGrader {
    /// 1 when the answer names exactly one number and it equals the ground truth; `7.0` is 7.
    static func grade(_ answer: String, groundTruth: String) throws(GradeFailure) -> AnswerGrade {
        let truths = numbers(in: QuotedText.unquoted(groundTruth))
        guard truths.count == 1, let truth = truths.first, truth.isFinite, truth == truth.rounded() else {
            throw GradeFailure(.unparseableGroundTruth)
        }
        let named = numbers(in: answer)
        guard let value = named.first else { throw GradeFailure(.noPrediction) }
        guard named.count == 1 else { throw GradeFailure(.severalPredictions) }
        return AnswerGrade(score: value == truth ? 1 : 0)
    }

    /// The distinct numbers a text names, in digits (with `1,000` thousands) or in words.
    static func numbers(in text: String) -> Set<Double> {
        var found = Set(PredictionScanner(readsThousands: true, readsInsideQuotes: true).scan(text).allNumbers)
        found.formUnion(NumberWords.values(in: text))
        return found
    }
}
