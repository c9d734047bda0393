import Foundation
import Logging
import RewardCore

/// The OpenAI-compatible LLM judge: cache first, identical calls in flight once, bounded concurrency,
/// retries with backoff, strict verdict parsing, optional majority votes.
public struct LLMJudge: Judge {
    let configuration: JudgeConfiguration
    let cache: any VerdictCache
    let transport: any JudgeTransport
    let logger: Logger
    let prompts: PromptLibrary
    let limiter: ConcurrencyLimiter
    let inFlight = InFlightCalls<JudgeVerdict>()
    let sleeper: any RetrySleeper
    let retry: RetryPolicy
    /// This judge's name on claims in a shared cache: host, process and a random part.
    let claimOwner = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(UUID().uuidString.prefix(8))"

    /// Creates a judge; throws `JudgeSetupError` naming a missing prompt file or a bad setting.
    /// Without a transport it builds a `URLSessionTransport` sized to `maxConcurrency`.
    public init(
        configuration: JudgeConfiguration, cache: any VerdictCache, transport: (any JudgeTransport)? = nil,
        logger: Logger
    ) throws {
        try self.init(
            configuration: configuration, cache: cache, transport: transport, logger: logger, sleeper: TaskSleeper())
    }

    init(
        configuration: JudgeConfiguration, cache: any VerdictCache, transport: (any JudgeTransport)?, logger: Logger,
        sleeper: any RetrySleeper
    ) throws {
        let problems = configuration.problems()
        if !problems.isEmpty {
            throw JudgeSetupError(code: "bad_configuration", message: problems.joined(separator: "; "))
        }
        self.configuration = configuration
        self.cache = cache
        self.transport = transport ?? URLSessionTransport(maximumConnectionsPerHost: configuration.maxConcurrency)
        self.logger = logger
        self.prompts = try PromptLibrary(
            directory: configuration.promptsDirectory, custom: configuration.customComponents,
            consistencyCheck: configuration.thinkJudgeConsistencyCheck)
        self.limiter = ConcurrencyLimiter(limit: configuration.maxConcurrency)
        self.sleeper = sleeper
        self.retry = RetryPolicy(
            maxRetries: configuration.maxRetries, baseDelay: configuration.retryBaseDelaySeconds,
            maxDelay: configuration.maxRetryDelaySeconds)
    }

    /// The verdict for `request`: from the cache when stored, else from the judge (then stored).
    public func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        let template = try prompts.template(for: request)
        let key = cacheKey(for: request, template: template)
        if let hit = await cachedVerdict(forKey: key, request: request) { return hit }
        var verdict = try await inFlight.value(forKey: key) { [self] in
            if let shared = cache as? any SharedVerdictCache {
                return try await sharedVerdict(for: request, template: template, key: key, cache: shared)
            }
            return try await storedFreshVerdict(for: request, template: template, key: key)
        }
        verdict.key = key
        return verdict
    }

    /// The cached verdict for `request`, without a judge call.
    public func cachedVerdict(for request: JudgeRequest) async -> JudgeVerdict? {
        guard let template = try? prompts.template(for: request) else { return nil }
        return await cachedVerdict(forKey: cacheKey(for: request, template: template), request: request)
    }

    private func cacheKey(for request: JudgeRequest, template: PromptTemplate) -> String {
        let swapped = request.kind == .thinkJudge ? prompts.swappedThinkJudge : nil
        return CacheKey.make(request: request, template: template, configuration: configuration, swapped: swapped)
    }

    private func cachedVerdict(forKey key: String, request: JudgeRequest) async -> JudgeVerdict? {
        do {
            guard var hit = try await cache.verdict(forKey: key) else { return nil }
            hit.fromCache = true
            hit.key = key
            // The cache keeps no score column: a scale verdict's score is read again from its raw text.
            if request.custom?.form == .scale { hit.score = VerdictParser.storedScale(hit.rawText) }
            return hit
        } catch {
            // A broken cache costs a judge call, not the verdict.
            logger.warning("verdict cache lookup failed", metadata: ["error": "\(String(describing: error))"])
            return nil
        }
    }

    /// A judge call whose verdict is then stored; a failed store costs a later call, not this verdict.
    func storedFreshVerdict(for request: JudgeRequest, template: PromptTemplate, key: String) async throws -> JudgeVerdict {
        let verdict = try await freshVerdict(for: request, template: template)
        do {
            try await cache.store(verdict, forKey: key)
        } catch {
            logger.warning("verdict cache store failed", metadata: ["error": "\(String(describing: error))"])
        }
        return verdict
    }

    /// The prompt's content hash for `kind` (a built-in one), for status pages and tests.
    public func promptHash(for kind: VerdictKind) -> String { prompts[kind].contentHash }

    func freshVerdict(for request: JudgeRequest, template: PromptTemplate) async throws -> JudgeVerdict {
        if request.kind == .thinkJudge, let swapped = prompts.swappedThinkJudge {
            return try await consistentVerdict(for: request, template: template, swapped: swapped)
        }
        return try await votedVerdict(for: request, template: template)
    }

    /// The think-judge asked with both prompts at once; the verdict stands only when both answers agree.
    private func consistentVerdict(for request: JudgeRequest, template: PromptTemplate, swapped: PromptTemplate) async throws -> JudgeVerdict {
        async let asked = votedVerdict(for: request, template: template)
        async let askedSwapped = votedVerdict(for: request, template: swapped)
        let (first, second) = try await (asked, askedSwapped)
        guard first.passed == second.passed, first.requiresReasoning == second.requiresReasoning else {
            func describe(_ verdict: JudgeVerdict) -> String {
                "is_judgment_correct \(verdict.passed), requires_reasoning \(verdict.requiresReasoning.map(String.init) ?? "none")"
            }
            throw JudgeFailure(
                cause: .inconsistent,
                message: "the think-judge answered \(describe(first)), and \(describe(second)) with its two questions swapped")
        }
        var verdict = first
        verdict.rawText = first.rawText + VoteCount.ballotSeparator + second.rawText
        verdict.promptTokens += second.promptTokens
        verdict.completionTokens += second.completionTokens
        verdict.latencyMs = max(first.latencyMs, second.latencyMs)
        verdict.agreement = min(first.agreement, second.agreement)
        return verdict
    }

    private func votedVerdict(for request: JudgeRequest, template: PromptTemplate) async throws -> JudgeVerdict {
        let body = try requestBody(for: request, template: template)
        if configuration.votes == 1 { return try await singleVerdict(body: body, request: request) }
        let ballots = try await withThrowingTaskGroup(of: JudgeVerdict.self) { group in
            for _ in 0..<configuration.votes {
                group.addTask { try await singleVerdict(body: body, request: request) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return VoteCount.majority(of: ballots)
    }

    /// One verdict from one judge answer; an unreadable answer is asked again once, then fails.
    private func singleVerdict(body: Data, request: JudgeRequest) async throws -> JudgeVerdict {
        let kind = request.kind
        var lastText = ""
        for parseAttempt in 0..<2 {
            let started = ContinuousClock.now
            let response = try await post(body: body, kind: kind)
            let latency = (ContinuousClock.now - started) / .milliseconds(1)
            guard let completion = try? JSONDecoder().decode(ChatCompletionResponse.self, from: response.body),
                let text = completion.text
            else {
                lastText = String(decoding: response.body.prefix(200), as: UTF8.self)
                logger.warning(
                    "judge answer is not a chat completion",
                    metadata: ["kind": "\(kind.rawValue)", "parse_attempt": "\(parseAttempt + 1)"])
                continue
            }
            guard let parsed = VerdictParser.parse(text, for: request) else {
                lastText = String(text.prefix(200))
                logger.warning(
                    "judge verdict unparseable",
                    metadata: ["kind": "\(kind.rawValue)", "parse_attempt": "\(parseAttempt + 1)"])
                continue
            }
            return JudgeVerdict(
                passed: parsed.passed, requiresReasoning: parsed.requiresReasoning, agreement: 1, rawText: text,
                model: configuration.model, promptTokens: completion.usage?.promptTokens ?? 0,
                completionTokens: completion.usage?.completionTokens ?? 0, latencyMs: latency, score: parsed.score)
        }
        throw JudgeFailure(
            cause: .unparseable,
            message: "the judge's \(kind.rawValue) answer could not be read as a verdict twice; last answer began: \(lastText)")
    }

    private func requestBody(for request: JudgeRequest, template: PromptTemplate) throws -> Data {
        let user = template.userMessage(for: request)
        let images = request.kind.usesImages ? request.images : []
        let content: ChatCompletionRequest.Content =
            images.isEmpty ? .text(user) : .parts([.text(user)] + images.map { .image($0) })
        let body = ChatCompletionRequest(
            model: configuration.model,
            messages: [.init(role: "system", content: .text(template.system)), .init(role: "user", content: content)],
            temperature: configuration.temperature, maxTokens: configuration.maxTokens,
            responseFormat: request.kind == .thinkJudge && configuration.jsonResponseFormat
                ? .init(type: "json_object") : nil)
        return try JSONEncoder().encode(body)
    }
}
