import AnswerCheck

/// What the rule checkers made of a rollout's answer.
public enum AnswerOutcome: Sendable, Equatable {
    /// A rule checker decided: 1 or 0, with the reason for a 0.
    case scored(Double, reason: AnswerReason?)
    /// Only the LLM answer judge can decide (open-ended question or no ground truth).
    case needsJudge(reference: String)
    /// `code`: only running the program against its tests can decide.
    case needsRun(CodeJob)
    /// The ground truth cannot be used (a malformed code test spec): the rollout abstains with this error.
    case invalid(RewardError)
}

/// Applies the rule checkers and the reward-hacking guards of spec section 1 to a parsed response.
public struct AnswerScorer: Sendable {
    /// The checker for `math` answers.
    public var math: any AnswerChecker
    /// The checker for `choice` answers.
    public var choice: any AnswerChecker
    /// The checker for `text` answers.
    public var text: any AnswerChecker

    /// Creates a scorer with the given checkers.
    public init(
        math: any AnswerChecker = MathAnswerChecker(), choice: any AnswerChecker = ChoiceAnswerChecker(),
        text: any AnswerChecker = TextAnswerChecker()
    ) {
        self.math = math
        self.choice = choice
        self.text = text
    }

    /// How numbers compare: relative tolerance, the rollout's `precision`, the percent policy and
    /// whether an inequality matches its set.
    public struct NumberRules: Sendable {
        /// Relative numeric tolerance.
        public var tolerance: Double
        /// Decimal places both sides are rounded to before comparing; nil rounds nothing.
        public var precision: Int?
        /// What `p\%` means.
        public var percent: MathAnswerChecker.PercentPolicy
        /// Whether a predicted inequality matches the set it describes.
        public var setRelations: MathAnswerChecker.RelationSetPolicy

        /// Creates rules; the defaults are the spec's.
        public init(
            tolerance: Double = 1e-6, precision: Int? = nil, percent: MathAnswerChecker.PercentPolicy = .fraction,
            setRelations: MathAnswerChecker.RelationSetPolicy = .equal
        ) {
            self.tolerance = tolerance
            self.precision = precision
            self.percent = percent
            self.setRelations = setRelations
        }
    }

    /// Scores the final answer of `parsed` against the rollout's ground truths.
    public func score(_ parsed: ParsedResponse, rollout: Rollout, tolerance: Double) -> AnswerOutcome {
        score(parsed, rollout: rollout, rules: NumberRules(tolerance: tolerance, precision: rollout.precision))
    }

    /// Scores the final answer of `parsed` against the rollout's ground truths under `rules`.
    public func score(_ parsed: ParsedResponse, rollout: Rollout, rules: NumberRules) -> AnswerOutcome {
        if let problem = parsed.answerProblem { return .scored(0, reason: problem) }
        if rollout.answerType == .code { return code(parsed, rollout: rollout) }
        if parsed.lastBoxUnclosed { return .scored(0, reason: .unclosedLastBox) }
        guard let answer = parsed.boxes.last else { return .scored(0, reason: .missingBoxed) }
        if parsed.boxes.contains(where: { !ParsedResponse.holdsText($0) }) { return .scored(0, reason: .emptyBox) }
        if rollout.answerType == .judge || rollout.groundTruths == nil {
            if hedges(parsed.boxes, type: .text, rules: rules) { return .scored(0, reason: .conflictingBoxes) }
            return .needsJudge(reference: rollout.groundTruths?.joined(separator: " | ") ?? "")
        }
        let references = (rollout.groundTruths ?? []).map(Self.unboxed).filter { !$0.isEmpty }
        guard let first = references.first else { return .scored(0, reason: .emptyGroundTruth) }
        let type = rollout.answerType == .auto ? AnswerType.detect(groundTruth: first) : rollout.answerType
        if type.isGraded { return graded(parsed.boxes, rollout: rollout, type: type) }
        if hedges(parsed.boxes, type: type, rules: rules) { return .scored(0, reason: .conflictingBoxes) }
        var lastReason = AnswerReason.notEquivalent
        for reference in references {
            let verdict = check(answer, against: reference, type: type, rules: rules)
            if verdict.isCorrect { return .scored(1, reason: nil) }
            lastReason = verdict.reason ?? lastReason
        }
        return .scored(0, reason: lastReason)
    }

    /// A graded type against the rollout's one (structured) ground truth; several different answers
    /// are never a best-of-N, and a grade below `answer_threshold` is 0.
    func graded(_ boxes: [String], rollout: Rollout, type: AnswerType) -> AnswerOutcome {
        let options = rollout.answerOptions ?? AnswerOptions()
        guard let truth = Self.gradedTruth(rollout), let answer = boxes.last else { return .scored(0, reason: .emptyGroundTruth) }
        let differing = boxes.filter { $0.trimmedWhitespace != answer.trimmedWhitespace }
        if differing.contains(where: { MultimodalGrader.grade($0, groundTruth: answer, type: type, options: options).score < 1 }) {
            return .scored(0, reason: .conflictingBoxes)
        }
        let grade = MultimodalGrader.grade(answer, groundTruth: truth, type: type, options: options)
        if let threshold = rollout.answerThreshold, grade.score < threshold, grade.score > 0 {
            return .scored(0, reason: .belowThreshold)
        }
        return .scored(grade.score, reason: grade.reason)
    }

    /// `code`: the job running the answer's last fenced block (else its final box or answer block) against
    /// the ground truth's tests.
    func code(_ parsed: ParsedResponse, rollout: Rollout) -> AnswerOutcome {
        guard let truth = rollout.structuredGroundTruth ?? rollout.groundTruths?.first else {
            return .invalid(RewardError(code: .missingField, message: "answer_type code needs a ground_truth with tests or test_code", field: "ground_truth"))
        }
        let spec: CodeTestSpec
        do throws(RewardError) {
            spec = try CodeTestSpec(json: truth)
        } catch {
            return .invalid(error)
        }
        let program = CodeExtraction.lastFencedBlock(in: parsed.answerSection, language: spec.language) ?? parsed.finalAnswer
        guard let program, ParsedResponse.holdsText(program) else { return .scored(0, reason: .noCode) }
        let share = rollout.answerOptions?.codeCredit == .share
        return .needsRun(spec.job(running: program, stopAtFirstFailure: !share))
    }

    /// The one ground truth of a graded type: the structured value, a single string, or a list such as
    /// `[10, 20, 30, 40]` or `["B", "A", "C"]` written back as JSON.
    static func gradedTruth(_ rollout: Rollout) -> String? {
        if let structured = rollout.structuredGroundTruth { return structured }
        guard let truths = rollout.groundTruths, !truths.isEmpty else { return nil }
        if truths.count == 1 { return unboxed(truths[0]) }
        var writer = JSONWriter(capacity: 16 * truths.count)
        writer.raw("[")
        for (offset, truth) in truths.enumerated() {
            writer.comma(offset > 0)
            if let number = Double(truth), number.isFinite { writer.number(number) } else { writer.string(truth) }
        }
        writer.raw("]")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Hedging: some box does not say the same thing as the last one.
    func hedges(_ boxes: [String], type: AnswerType, rules: NumberRules) -> Bool {
        guard let last = boxes.last, boxes.count > 1 else { return false }
        return boxes.contains { $0 != last && !check($0, against: last, type: type, rules: rules).isCorrect }
    }

    /// One comparison; a math comparison whose sides do not parse falls back to text equality.
    func check(_ answer: String, against reference: String, type: AnswerType, rules: NumberRules) -> AnswerVerdict {
        let tolerance = rules.tolerance
        switch type {
        case .choice:
            return choice.check(answer: answer, groundTruth: reference, tolerance: tolerance)
        case .text, .judge:
            return text.check(answer: answer, groundTruth: reference, tolerance: tolerance)
        case .math, .auto, .bbox, .boxes, .point, .span, .ordering, .count, .ocr, .multiChoice, .code:
            let verdict: AnswerVerdict
            if math is MathAnswerChecker, rules.precision != nil || rules.percent != .fraction || rules.setRelations != .equal {
                verdict = MathAnswerChecker(percent: rules.percent, setRelations: rules.setRelations)
                    .check(answer: answer, groundTruth: reference, tolerance: tolerance, precision: rules.precision)
            } else {
                verdict = math.check(answer: answer, groundTruth: reference, tolerance: tolerance)
            }
            guard verdict.reason == .unparseable else { return verdict }
            let fallback = text.check(answer: answer, groundTruth: reference, tolerance: tolerance)
            return fallback.isCorrect ? fallback : verdict
        }
    }

    /// A ground truth with a surrounding `\boxed{}` removed and whitespace trimmed; a ground truth
    /// that is not a bare answer (text or a relation around a box, several boxes, `$x$.`) reduced
    /// to its answer by ``AnswerExtraction/groundTruth(_:)``.
    static func unboxed(_ groundTruth: String) -> String {
        let trimmed = groundTruth.trimmedWhitespace
        guard trimmed.hasPrefix("\\boxed{"), trimmed.hasSuffix("}") else { return AnswerExtraction.groundTruth(trimmed) }
        let open = trimmed.index(trimmed.startIndex, offsetBy: 6)
        guard LatexText.matchingBrace(in: trimmed, openingAt: open) == trimmed.index(before: trimmed.endIndex) else {
            return AnswerExtraction.groundTruth(trimmed)
        }
        return String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmedWhitespace
    }
}
