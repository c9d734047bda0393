/// The kind of verdict an LLM judge gives; each has its own prompt file in `Prompts/`.
public enum VerdictKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Was the policy's think/direct decision right? Also returns whether the question needs reasoning.
    case thinkJudge = "think_judge"
    /// Structural and deductive soundness of the reasoning.
    case logic
    /// No claim in the reasoning contradicts the image, the question text or world knowledge.
    case grounding
    /// The answer follows from the reasoning and adds nothing new.
    case consistency
    /// An open-ended answer is correct against the reference and the question.
    case answer
    /// A custom judged component declared in configuration; `JudgeRequest.custom` names it.
    case custom

    /// The five kinds with a prompt file of their own in `Prompts/`.
    public static let builtIn: [VerdictKind] = [.thinkJudge, .logic, .grounding, .consistency, .answer]
}

/// Everything a judge sees for one verdict; fields a kind does not use stay empty.
public struct JudgeRequest: Sendable, Hashable {
    /// Which verdict is asked for.
    public var kind: VerdictKind
    /// The question (the rollout's prompt).
    public var question: String
    /// The policy's reasoning (the think block), for logic, grounding and consistency.
    public var reasoning: String
    /// The policy's answer: the answer section for consistency, the extracted final answer for answer.
    public var answer: String
    /// The policy's decision, `think` or `direct`, for the think-judge.
    public var decision: String
    /// The reference answer, for the open-ended answer verdict.
    public var reference: String
    /// Images as `data:` URIs or URLs, passed to the judge as `image_url` parts.
    public var images: [String]
    /// The custom component asked about, for kind `custom`.
    public var custom: CustomComponent?

    /// Creates a request; unused fields default to empty.
    public init(
        kind: VerdictKind, question: String, reasoning: String = "", answer: String = "",
        decision: String = "", reference: String = "", images: [String] = []
    ) {
        self.kind = kind
        self.question = question
        self.reasoning = reasoning
        self.answer = answer
        self.decision = decision
        self.reference = reference
        self.images = images
    }
}

/// One parsed verdict with what it cost.
public struct JudgeVerdict: Sendable, Equatable, Codable {
    /// TRUE/FALSE for logic, grounding, consistency and answer; `is_judgment_correct` for the think-judge;
    /// a scale verdict of 5 or more.
    public var passed: Bool
    /// A scale verdict's value in [0, 1] (the judge's 0-10 over 10); nil for TRUE/FALSE verdicts.
    public var score: Double?
    /// The think-judge's view of whether the question needs reasoning; nil for other kinds.
    public var requiresReasoning: Bool?
    /// Share of votes that agreed with the majority (1 with a single vote).
    public var agreement: Double
    /// The judge's raw text.
    public var rawText: String
    /// The model that gave the verdict.
    public var model: String
    /// Prompt tokens the judge reported.
    public var promptTokens: Int
    /// Completion tokens the judge reported.
    public var completionTokens: Int
    /// Wall time of the judge call in milliseconds.
    public var latencyMs: Double
    /// Whether this verdict came from the verdict cache instead of a judge call.
    public var fromCache: Bool
    /// The verdict-cache key it is stored under, when the judge has a cache (`GET /verdicts/{key}`).
    public var key: String?

    /// Creates a verdict.
    public init(
        passed: Bool, requiresReasoning: Bool? = nil, agreement: Double = 1, rawText: String = "",
        model: String = "", promptTokens: Int = 0, completionTokens: Int = 0, latencyMs: Double = 0,
        fromCache: Bool = false, key: String? = nil, score: Double? = nil
    ) {
        self.passed = passed
        self.requiresReasoning = requiresReasoning
        self.agreement = agreement
        self.rawText = rawText
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latencyMs = latencyMs
        self.fromCache = fromCache
        self.key = key
        self.score = score
    }
}

/// Why a verdict could not be had; a judge failure is never scored as a wrong answer.
public struct JudgeFailure: Error, Sendable, Equatable {
    /// Why the verdict could not be had.
    public var cause: Cause
    /// A human-readable explanation, free of secrets.
    public var message: String

    /// Creates a failure.
    public init(cause: Cause, message: String) {
        self.cause = cause
        self.message = message
    }
}

extension JudgeFailure {
    /// The causes of a failed verdict, each the abstention code `judge_<cause>`.
    public enum Cause: String, Sendable, Hashable, CaseIterable {
        /// No connection could be made.
        case unreachable
        /// No answer within the per-call timeout.
        case timeout
        /// 429 after the retries.
        case rateLimited = "rate_limited"
        /// 5xx after the retries.
        case serverError = "server_error"
        /// The answer is not a verdict, twice.
        case unparseable
        /// A 4xx other than 429.
        case rejected
        /// A judge token budget is spent and the verdict is not cached.
        case budgetExhausted = "budget_exhausted"
        /// The think-judge's two answers, with its questions in either order, disagree.
        case inconsistent

        /// The abstention code a rollout gets.
        public var errorCode: ErrorCode {
            switch self {
            case .unreachable: .judgeUnreachable
            case .timeout: .judgeTimeout
            case .rateLimited: .judgeRateLimited
            case .serverError: .judgeServerError
            case .unparseable: .judgeUnparseable
            case .rejected: .judgeRejected
            case .budgetExhausted: .judgeBudgetExhausted
            case .inconsistent: .judgeInconsistent
            }
        }
    }
}

/// Gives LLM verdicts; implementations consult the verdict cache first and throw `JudgeFailure`.
public protocol Judge: Sendable {
    /// Returns the verdict for `request`, from the cache or from a judge call.
    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict
    /// The verdict for `request` if the cache holds it, without a judge call (asked once a budget is spent).
    func cachedVerdict(for request: JudgeRequest) async -> JudgeVerdict?
}

extension Judge {
    /// A judge without a cache has none.
    public func cachedVerdict(for request: JudgeRequest) async -> JudgeVerdict? { nil }
}

/// Stores successful verdicts under a key derived from everything that determines them.
public protocol VerdictCache: Sendable {
    /// The stored verdict for `key`, if any.
    func verdict(forKey key: String) async throws -> JudgeVerdict?
    /// Stores a successful verdict under `key`.
    func store(_ verdict: JudgeVerdict, forKey key: String) async throws
}

/// A verdict cache shared by several processes: one of them claims a key and judges it while the others
/// wait for its verdict, and the first verdict stored for a key is the only one.
public protocol SharedVerdictCache: VerdictCache {
    /// Claims `key` for `owner` until `lease` from now; true when `owner` should judge it. A claim that is
    /// `owner`'s own is extended, an expired one is taken over, and none is given once a verdict is stored.
    func claim(key: String, owner: String, lease: Duration) async throws -> Bool
    /// Ends `owner`'s claim on `key` without a verdict (its judge call failed), so another may try at once.
    func release(key: String, owner: String) async throws
    /// Stores `verdict` unless a verdict is stored already, ends `owner`'s claim, and returns the stored
    /// verdict: `verdict` itself, or the earlier one marked as coming from the cache.
    func storeFirst(_ verdict: JudgeVerdict, forKey key: String, owner: String) async throws -> JudgeVerdict
}
