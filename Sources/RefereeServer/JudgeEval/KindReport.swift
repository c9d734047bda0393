/// How one kind's verdicts compare with their labels: accuracy, Cohen's kappa, the confusion matrix, vote
/// agreement, tokens and latency.
public struct KindReport: Sendable, Equatable {
    /// The kind.
    public var kind: String
    /// Labelled TRUE, judged TRUE.
    public var truePositives = 0
    /// Labelled FALSE, judged TRUE: a flaw the judge missed.
    public var falsePositives = 0
    /// Labelled TRUE, judged FALSE.
    public var falseNegatives = 0
    /// Labelled FALSE, judged FALSE: a flaw caught.
    public var trueNegatives = 0
    /// Cases the judge gave no verdict for (the error codes, counted).
    public var failures: [String: Int] = [:]
    /// Sum of the verdicts' vote agreement.
    public var agreementSum = 0.0
    /// Verdicts that came from the cache.
    public var cacheHits = 0
    /// Prompt and completion tokens of the verdicts.
    public var tokens = 0
    /// Each verdict's latency in milliseconds.
    public var latencies: [Double] = []

    /// An empty report for `kind`.
    public init(kind: String) { self.kind = kind }

    /// Cases with a verdict.
    public var judged: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

    /// Share of verdicts that match their label; nil with none.
    public var accuracy: Double? {
        judged == 0 ? nil : Double(truePositives + trueNegatives) / Double(judged)
    }

    /// Cohen's kappa between the labels and the verdicts: agreement beyond what the two rates of TRUE give by
    /// chance. nil with no verdict, and where chance agreement is already 1 (labels and verdicts one and the
    /// same value throughout), where kappa is 0/0: undefined, not perfect.
    public var kappa: Double? {
        guard judged > 0 else { return nil }
        let total = Double(judged)
        let observed = Double(truePositives + trueNegatives) / total
        let labelledTrue = Double(truePositives + falseNegatives) / total
        let judgedTrue = Double(truePositives + falsePositives) / total
        let chance = labelledTrue * judgedTrue + (1 - labelledTrue) * (1 - judgedTrue)
        guard chance < 1 else { return nil }
        return (observed - chance) / (1 - chance)
    }

    /// Mean vote agreement of the verdicts (1 with a single vote).
    public var meanAgreement: Double? { judged == 0 ? nil : agreementSum / Double(judged) }

    /// The median verdict latency in milliseconds.
    public var medianLatencyMs: Double? {
        guard !latencies.isEmpty else { return nil }
        let sorted = latencies.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Counts one verdict against its label.
    mutating func add(label: Bool, judged: Bool, agreement: Double, tokens: Int, latencyMs: Double, cached: Bool) {
        switch (label, judged) {
        case (true, true): truePositives += 1
        case (false, true): falsePositives += 1
        case (true, false): falseNegatives += 1
        case (false, false): trueNegatives += 1
        }
        agreementSum += agreement
        self.tokens += tokens
        latencies.append(latencyMs)
        if cached { cacheHits += 1 }
    }
}
