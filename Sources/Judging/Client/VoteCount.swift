import RewardCore

/// Combines several judge answers for one verdict.
enum VoteCount {
    /// What joins the ballots' raw texts.
    static let ballotSeparator = "\n---\n"

    /// The majority verdict; a tie fails closed (not passed), and `agreement` is the majority's share.
    /// Scale verdicts take the median score, and `agreement` is the share of votes at the median.
    static func majority(of ballots: [JudgeVerdict]) -> JudgeVerdict {
        let scores = ballots.compactMap(\.score)
        let median = median(scores)
        let yes = ballots.filter(\.passed).count
        let no = ballots.count - yes
        let requires = ballots.compactMap(\.requiresReasoning)
        let requiresYes = requires.filter { $0 }.count
        let agreeing = median.map { middle in scores.count { $0 == middle } } ?? max(yes, no)
        return JudgeVerdict(
            passed: median.map { $0 >= 0.5 } ?? (yes > no),
            requiresReasoning: requires.isEmpty ? nil : requiresYes * 2 >= requires.count,
            agreement: Double(agreeing) / Double(max(1, ballots.count)),
            rawText: ballots.map(\.rawText).joined(separator: ballotSeparator),
            model: ballots.first?.model ?? "",
            promptTokens: ballots.reduce(0) { $0 + $1.promptTokens },
            completionTokens: ballots.reduce(0) { $0 + $1.completionTokens },
            // Votes run side by side: the verdict took as long as the slowest one.
            latencyMs: ballots.map(\.latencyMs).max() ?? 0, score: median)
    }

    /// The middle value (the lower of the two middle ones for an even count, failing closed); nil for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[(values.count - 1) / 2]
    }
}
