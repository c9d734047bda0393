import AnswerCheck

/// Scores rollouts: the one path shared by the server, `referee score` and `referee rescore`.
public struct RewardEngine: Sendable {
    /// The rule checkers for the answer component.
    public var answers: AnswerScorer
    /// The LLM judge, or nil in rules mode.
    public var judge: (any Judge)?
    /// Runs `code` answers in a sandbox; nil makes them abstain (`no_sandbox`).
    public var codeRunner: (any CodeRunner)?
    /// A monotonic clock in nanoseconds, for `latency_ms`; pure callers may pass a constant.
    public var nanoseconds: @Sendable () -> UInt64
    /// How many rollouts of one batch are scored at once when judge calls are involved.
    public var batchConcurrency: Int
    /// How many cores a rules-only batch is split over.
    public var parallelism: Int
    /// The server's judge token budget per rolling window, measured by `nanoseconds`; nil for none.
    public var judgeBudget: JudgeTokenBudget?

    /// Creates an engine.
    public init(
        answers: AnswerScorer = AnswerScorer(), judge: (any Judge)? = nil, codeRunner: (any CodeRunner)? = nil,
        batchConcurrency: Int = 256, parallelism: Int = 1, nanoseconds: @escaping @Sendable () -> UInt64 = { 0 }
    ) {
        self.answers = answers
        self.judge = judge
        self.codeRunner = codeRunner
        self.batchConcurrency = max(1, batchConcurrency)
        self.parallelism = max(1, parallelism)
        self.nanoseconds = nanoseconds
    }

    /// Scores one rollout.
    public func score(_ rollout: Rollout, options: ScoringOptions) async -> RewardResult {
        await score(rollout, options: options, budgets: budgets(for: options))
    }

    /// The budgets one request's judge calls count against: the server's window and the request's own.
    private func budgets(for options: ScoringOptions) -> JudgeBudgets {
        JudgeBudgets(window: judgeBudget, request: options.maxJudgeTokens.map { JudgeTokenBudget(limit: $0) }, now: nanoseconds)
    }

    private func score(_ rollout: Rollout, options: ScoringOptions, budgets: JudgeBudgets) async -> RewardResult {
        let start = nanoseconds()
        var scoring = RolloutScoring(
            rollout: rollout, options: options, answers: answers, judgeAvailable: judge != nil, codeRunnerAvailable: codeRunner != nil)
        if let codeRunner, scoring.pendingCodeJob != nil {
            await scoring.runCode(codeRunner)
        }
        if let judge, scoring.hasPendingJudgeWork, scoring.failure == nil {
            scoring.budgets = budgets
            await scoring.runJudgeStages(judge)
        }
        var result = scoring.finish()
        result.latencyMs = Double(nanoseconds() &- start) / 1_000_000
        return result
    }

    /// Scores one rollout without any judge; used where no judge is configured and speed matters.
    public func scoreWithRules(_ rollout: Rollout, options: ScoringOptions) -> RewardResult {
        let start = nanoseconds()
        var result = RolloutScoring(rollout: rollout, options: options, answers: answers, judgeAvailable: false).finish()
        result.latencyMs = Double(nanoseconds() &- start) / 1_000_000
        return result
    }

    /// Scores a batch in input order; items that could not be read keep their error.
    /// Groups get advantages and summaries per spec section 4.
    public func scoreBatch(_ items: [RolloutItem], options: ScoringOptions, warnings: [RewardWarning] = []) async -> BatchResult {
        var results: [RewardResult]
        if judge == nil, codeRunner == nil {
            results = scoreWithRulesInParallel(items, options: options)
        } else {
            results = await scoreConcurrently(items, options: options)
        }
        let groups = GroupStatistics.apply(to: &results, mode: options.advantage)
        return BatchResult(results: results, groups: groups, warnings: warnings)
    }

    /// Scores rollouts built in process (the trainer's local mode, tests).
    public func scoreBatch(_ rollouts: [Rollout], options: ScoringOptions) async -> BatchResult {
        await scoreBatch(rollouts.map { RolloutItem(rollout: .success($0), id: $0.id, label: $0.requiresReasoning, warnings: $0.warnings) }, options: options)
    }

    /// Rules-only scoring is pure CPU work: large batches are split into one slice per core.
    private func scoreWithRulesInParallel(_ items: [RolloutItem], options: ScoringOptions) -> [RewardResult] {
        ParallelSlices.mapIndices(count: items.count, parallelism: parallelism) { offset in
            switch items[offset].rollout {
            case .success(let rollout): scoreWithRules(rollout, options: options)
            case .failure(let error): .invalid(id: items[offset].id, error: error, warnings: items[offset].warnings)
            }
        }
    }

    private func scoreConcurrently(_ items: [RolloutItem], options: ScoringOptions) async -> [RewardResult] {
        var results = [RewardResult?](repeating: nil, count: items.count)
        let budgets = budgets(for: options)
        await withTaskGroup(of: (Int, RewardResult).self) { group in
            var next = 0
            func addNext() {
                guard next < items.count else { return }
                let offset = next
                next += 1
                switch items[offset].rollout {
                case .success(let rollout): group.addTask { (offset, await score(rollout, options: options, budgets: budgets)) }
                case .failure(let error): results[offset] = .invalid(id: items[offset].id, error: error, warnings: items[offset].warnings)
                    addNext()
                }
            }
            for _ in 0..<batchConcurrency { addNext() }
            for await (offset, result) in group {
                results[offset] = result
                addNext()
            }
        }
        return results.map { $0! }
    }
}

/// A scored batch: results in input order and a summary per group.
public struct BatchResult: Sendable, Equatable {
    /// One result per input item, in input order.
    public var results: [RewardResult]
    /// Statistics per group name.
    public var groups: [String: GroupSummary]
    /// What reading noticed about the request as a whole.
    public var warnings: [RewardWarning]

    /// Creates a batch result.
    public init(results: [RewardResult], groups: [String: GroupSummary], warnings: [RewardWarning] = []) {
        self.results = results
        self.groups = groups
        self.warnings = warnings
    }
}
