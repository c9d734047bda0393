import RewardCore

/// Combines several judge answers for one verdict.
enum VoteCount {
    /// The majority verdict; a tie fails closed (not passed), and `agreement` is the majority's share.
    static func majority(of ballots: [JudgeVerdict]) -> JudgeVerdict {
        let yes = ballots.filter(\.passed).count
        let no = ballots.count - yes
        let requires = ballots.compactMap(\.requiresReasoning)
        let requiresYes = requires.filter { $0 }.count
        return JudgeVerdict(
            passed: yes > no,
            requiresReasoning: requires.isEmpty ? nil : requiresYes * 2 >= requires.count,
            agreement: Double(max(yes, no)) / Double(max(1, ballots.count)),
            rawText: ballots.map(\.rawText).joined(separator: "\n---\n"),
            model: ballots.first?.model ?? "",
            promptTokens: ballots.reduce(0) { $0 + $1.promptTokens },
            completionTokens: ballots.reduce(0) { $0 + $1.completionTokens },
            // Votes run side by side: the verdict took as long as the slowest one.
            latencyMs: ballots.map(\.latencyMs).max() ?? 0)
    }
}
