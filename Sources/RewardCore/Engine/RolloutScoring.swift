import AnswerCheck

/// The scoring of one rollout in stages: free rule components first, then judge calls only while
/// the formula's result still depends on them.
struct RolloutScoring {
    let rollout: Rollout
    let options: ScoringOptions
    let parsed: ParsedResponse
    var result: RewardResult
    /// Values the formula sees; a skipped component counts as 1 here.
    var values: ComponentMap<Double> = [:]
    /// The reference for an answer only the LLM answer judge can decide.
    var pendingAnswerReference: String?
    /// The run of a `code` answer, made before any judge call.
    var pendingCodeJob: CodeJob?
    var pendingDecisionJudge = false
    var pendingThinking = false
    /// Components the formula needs that nothing can evaluate.
    var unavailable: [RewardError] = []
    /// A judge failure: the rollout abstains.
    var failure: RewardError?
    /// Why the thinking components are 0 without asking a judge (unknown decision, empty think block).
    var thinkingIsZero: FormatReason?
    /// The token budgets judge calls count against.
    var budgets = JudgeBudgets.none
    /// Custom judged components still to ask about.
    var pendingCustom: [CustomComponent] = []
    /// The custom components' values the formula sees; a skipped one that counts as 1 is 1 here.
    var customValues: [String: Double] = [:]

    init(rollout: Rollout, options: ScoringOptions, answers: AnswerScorer, judgeAvailable: Bool, codeRunnerAvailable: Bool = false) {
        let rollout = rollout.task.flatMap { options.tasks[$0] }.map(rollout.applying) ?? rollout
        self.rollout = rollout
        self.options = options
        let layout = rollout.layout ?? options.layout
        var parsed = ResponseParser(vocabulary: options.vocabulary).parse(rollout.response, prefix: rollout.prefix, layout: layout)
        if (rollout.extraction ?? options.extraction) == .lenient, layout == .sail || layout == .boxed,
            parsed.boxes.isEmpty, !parsed.lastBoxUnclosed, let found = AnswerExtraction.lenient(parsed.answerSection)
        {
            parsed.boxes = [found]
        }
        self.parsed = parsed
        self.result = RewardResult(id: rollout.id, group: rollout.group)
        self.result.warnings = rollout.warnings
        if let task = rollout.task, !options.tasks.isEmpty, options.tasks[task] == nil {
            let known = options.tasks.keys.sorted().joined(separator: ", ")
            result.warnings.append(RewardWarning(code: .unknownTask, message: "task '\(task)' is not in the task map (\(known)); the rollout's own fields were used", field: "task"))
        }
        result.decision = parsed.hasDecisionBlock ? parsed.decision : nil
        result.extractedAnswer = parsed.finalAnswer

        record(.format, parsed.formatPassed ? 1 : 0, reason: parsed.formatReasons.first)
        scoreAnswer(answers, judgeAvailable: judgeAvailable, codeRunnerAvailable: codeRunnerAvailable)
        scoreDecision(judgeAvailable: judgeAvailable)
        scoreThinking(judgeAvailable: judgeAvailable)
        scoreCustom(judgeAvailable: judgeAvailable)
        if let reason = thinkingIsZero {
            // Zero thinking is known without a judge; report it only where it can matter.
            for component in ComponentName.thinking {
                if rewardDetermined { skip(component, .shortCircuit) } else { record(component, 0, reason: reason) }
            }
        }
    }

    var hasPendingJudgeWork: Bool {
        pendingAnswerReference != nil || pendingDecisionJudge || pendingThinking || !pendingCustom.isEmpty
    }

    /// Whether the formula names `component`; naming `think` needs all three thinking verdicts.
    func formulaNeeds(_ component: ComponentName) -> Bool {
        Self.formula(options.formula, needs: component)
    }

    /// `formulaNeeds` without `self`, for closures: capturing `self` copied the whole scoring state.
    static func formula(_ formula: Formula, needs component: ComponentName) -> Bool {
        let named = formula.components
        switch component {
        case .logic, .grounding, .consistency: return named.contains(component) || named.contains(.think)
        default: return named.contains(component)
        }
    }

    /// Sets a component's value, with the catalogue's reason when it is below 1.
    mutating func record<Reason: RawRepresentable<String>>(_ component: ComponentName, _ value: Double, reason: Reason?) {
        values[component] = value
        result.components[component] = value
        if let reason, value < 1 { result.reasons[component] = reason.rawValue }
    }

    /// Marks a component as not evaluated; the formula sees 1 for it when the reason counts as 1.
    mutating func skip(_ component: ComponentName, _ reason: SkipReason) {
        if reason.countsAsOne { values[component] = 1 }
        result.skipped[component] = reason.rawValue
    }

    private mutating func scoreAnswer(_ answers: AnswerScorer, judgeAvailable: Bool, codeRunnerAvailable: Bool) {
        let rules = AnswerScorer.NumberRules(
            tolerance: rollout.tolerance ?? options.tolerance, precision: rollout.precision, percent: options.percent,
            setRelations: options.setRelations)
        switch answers.score(parsed, rollout: rollout, rules: rules) {
        case .scored(let value, let reason):
            record(.answer, value, reason: reason)
        case .needsJudge(let reference):
            if !formulaNeeds(.answer) {
                skip(.answer, .notInFormula)
            } else if judgeAvailable {
                pendingAnswerReference = reference
            } else if rollout.answerType == .judge {
                unavailable.append(RewardError(code: .noAnswerJudge, message: "answer_type is judge but no LLM judge is configured", field: "answer_type"))
            } else {
                unavailable.append(RewardError(code: .noGroundTruth, message: "the rollout has no ground_truth and no LLM answer judge is configured", field: "ground_truth"))
            }
        case .needsRun(let job):
            if !formulaNeeds(.answer) {
                skip(.answer, .notInFormula)
            } else if codeRunnerAvailable {
                pendingCodeJob = job
            } else {
                unavailable.append(RewardError(code: .noSandbox, message: "answer_type is code but no sandbox is configured (sandbox)", field: "answer_type"))
            }
        case .invalid(let error):
            failure = error
        }
    }

    private mutating func scoreDecision(judgeAvailable: Bool) {
        if !parsed.hasDecisionBlock {
            skip(.judge, .noDecisionBlock)
        } else if parsed.decision == .unknown {
            record(.judge, 0, reason: FormatReason.unknownDecision)
        } else if let label = rollout.requiresReasoning {
            record(.judge, (parsed.decision == .think) == label ? 1 : 0, reason: JudgmentReason.wrongDecision)
        } else if !formulaNeeds(.judge) {
            skip(.judge, .notInFormula)
        } else if judgeAvailable {
            pendingDecisionJudge = true
        } else {
            skip(.judge, .noLabelNoJudge)
        }
    }

    private mutating func scoreThinking(judgeAvailable: Bool) {
        let formula = options.formula
        guard ComponentName.thinking.contains(where: { Self.formula(formula, needs: $0) }) else {
            for component in ComponentName.thinking { skip(component, .notInFormula) }
            return
        }
        switch parsed.decision {
        case .direct:
            for component in ComponentName.thinking { skip(component, parsed.hasDecisionBlock ? .directDecision : .noReasoning) }
        case .unknown:
            thinkingIsZero = .unknownDecision
        case .think where !parsed.hasReasoning:
            thinkingIsZero = .emptyThink
        case .think where judgeAvailable:
            pendingThinking = true
        case .think:
            for component in ComponentName.thinking { skip(component, .noJudge) }
        }
    }

    /// Whether the reward is already fixed, so further judge calls would be wasted.
    var rewardDetermined: Bool { options.shortCircuit && options.formula.evaluate(values, custom: customValues) != nil }

    /// Runs a `code` answer's program against its tests, unless the reward is already fixed; a runner
    /// failure makes the rollout abstain.
    mutating func runCode(_ runner: any CodeRunner) async {
        guard let job = pendingCodeJob else { return }
        pendingCodeJob = nil
        if rewardDetermined {
            skip(.answer, .shortCircuit)
            return
        }
        do {
            let score = CodeGrading.score(try await runner.run(job), share: !job.stopAtFirstFailure)
            record(.answer, score.value, reason: score.reason)
        } catch let failure as CodeRunnerFailure {
            self.failure = RewardError(code: .sandboxUnavailable, message: failure.message)
        } catch {
            self.failure = RewardError(code: .sandboxUnavailable, message: "the sandbox could not run the code")
        }
    }

    /// Makes the judge calls still needed, cheapest decision first; stops at the first failure.
    mutating func runJudgeStages(_ judge: any Judge) async {
        // Decided once per rollout: a rollout whose judge work started finishes it rather than paying for
        // some verdicts and abstaining on the rest.
        budgets.spent = await budgets.exhausted()
        if let reference = pendingAnswerReference {
            pendingAnswerReference = nil
            if rewardDetermined {
                skip(.answer, .shortCircuit)
            } else {
                guard let verdict = await ask(judge, answerRequest(reference: reference)) else { return }
                record(.answer, verdict.passed ? 1 : 0, reason: AnswerReason.judgeSaysWrong)
            }
        }
        if pendingDecisionJudge {
            pendingDecisionJudge = false
            if rewardDetermined {
                skip(.judge, .shortCircuit)
            } else {
                guard let verdict = await ask(judge, thinkJudgeRequest()) else { return }
                record(.judge, verdict.passed ? 1 : 0, reason: JudgmentReason.judgeSaysWrongDecision)
            }
        }
        if pendingThinking {
            pendingThinking = false
            if rewardDetermined {
                for component in ComponentName.thinking { skip(component, .shortCircuit) }
            } else {
                await judgeThinking(judge)
            }
        }
        if !pendingCustom.isEmpty, failure == nil {
            await judgeCustom(judge)
        }
    }

    private mutating func judgeThinking(_ judge: any Judge) async {
        let budgets = budgets
        async let logic = Self.attempt(judge, thinkingRequest(.logic), budgets)
        async let grounding = Self.attempt(judge, thinkingRequest(.grounding), budgets)
        async let consistency = Self.attempt(judge, thinkingRequest(.consistency), budgets)
        let outcomes: [(ComponentName, Result<JudgeVerdict, JudgeFailure>)] = [
            (.logic, await logic), (.grounding, await grounding), (.consistency, await consistency),
        ]
        var total = 0.0
        for (component, outcome) in outcomes {
            guard let verdict = account(outcome, kind: component.rawValue) else { return }
            record(component, verdict.passed ? 1 : 0, reason: JudgmentReason.judgeSaysUnsound)
            total += verdict.passed ? 1 : 0
        }
        record(.think, total / 3, reason: JudgmentReason.judgeSaysUnsound)
    }

    mutating func ask(_ judge: any Judge, _ request: JudgeRequest) async -> JudgeVerdict? {
        account(await Self.attempt(judge, request, budgets), kind: request.custom?.name ?? request.kind.rawValue)
    }

    /// One verdict; once a budget is spent only a cached one, and the call's tokens are charged to the budgets.
    private static func attempt(_ judge: any Judge, _ request: JudgeRequest, _ budgets: JudgeBudgets) async -> Result<JudgeVerdict, JudgeFailure> {
        if let spent = budgets.spent {
            if let cached = await judge.cachedVerdict(for: request) { return .success(cached) }
            return .failure(JudgeFailure(cause: .budgetExhausted, message: spent))
        }
        do {
            let verdict = try await judge.verdict(for: request)
            if !verdict.fromCache { await budgets.charge(verdict.promptTokens + verdict.completionTokens) }
            return .success(verdict)
        } catch let failure as JudgeFailure {
            return .failure(failure)
        } catch {
            return .failure(JudgeFailure(cause: .unreachable, message: "\(error)"))
        }
    }

    /// Counts the call and turns a failure into this rollout's abstention.
    private mutating func account(_ outcome: Result<JudgeVerdict, JudgeFailure>, kind: String) -> JudgeVerdict? {
        switch outcome {
        case .success(let verdict):
            result.verdicts.append(VerdictRecord(kind: kind, verdict: verdict))
            if verdict.fromCache { result.cacheHits += 1 } else { result.cacheMisses += 1 }
            result.judgeTokens += verdict.promptTokens + verdict.completionTokens
            return verdict
        case .failure(let failure):
            // A spent budget made no call.
            if failure.cause != .budgetExhausted { result.cacheMisses += 1 }
            if self.failure == nil {
                self.failure = RewardError(code: failure.cause.errorCode, message: failure.message)
            }
            return nil
        }
    }

    /// The final result: the formula's reward in [0, 1], or an abstention saying why.
    consuming func finish() -> RewardResult {
        var result = self.result
        if let failure {
            result.error = failure
            return result
        }
        guard let reward = options.formula.evaluate(values, custom: customValues) else {
            result.error = unavailable.first
                ?? RewardError(code: .componentUnavailable, message: "a component the formula needs could not be evaluated")
            return result
        }
        guard reward.isFinite else {
            result.error = RewardError(code: .formulaNotFinite, message: "the formula gave \(reward) (division by zero?)", field: "config.formula")
            return result
        }
        // Rounded so that 0.9 * 0 + (1 - 0.9) * 1 reads 0.1, not 0.09999999999999998.
        result.reward = (min(1, max(0, reward)) * 1e12).rounded() / 1e12
        result.accuracy = options.accuracy.accuracy(of: result, answerThreshold: rollout.answerThreshold)
        return result
    }
}
