import Hummingbird
import NIOCore
import RewardCore

/// The scoring routes: `POST /reward` here, the trainers' routes in `TrainerRoutes.swift`.
struct RewardRoutes: Sendable {
    let engine: RewardEngine
    let configuration: RefereeConfiguration
    let metrics: RefereeMetrics
    /// The judge queue; nil in rules mode, where nothing waits on a judge.
    let admission: QueueAdmission?
    /// The sandbox queue, counting `code` rollouts; nil without a sandbox.
    let codeAdmission: QueueAdmission?
    /// Every scored rollout's accuracy and reward per prompt, written in batches off the request path.
    let statistics: PromptStatisticsRecorder
    /// The verdict cache `GET /verdicts/{key}` reads; nil in rules mode.
    let cache: (any VerdictCache)?
    /// Warning lines for abstentions and item errors, rate-limited per cause.
    let abstentions = AbstentionLog()
    /// The server's own scoring options, resolved once: a request without `config` (every trainer
    /// route, most `/reward` calls) does not parse the formula again.
    let serverOptions: ScoringOptions?

    init(
        engine: RewardEngine, configuration: RefereeConfiguration, metrics: RefereeMetrics, statistics: PromptStatisticsRecorder,
        cache: (any VerdictCache)? = nil
    ) {
        self.cache = cache
        self.engine = engine
        self.configuration = configuration
        self.metrics = metrics
        admission = engine.judge == nil ? nil : QueueAdmission(limit: configuration.maxJudgeQueue, depth: metrics.judgeQueueDepth)
        codeAdmission = engine.codeRunner == nil ? nil : QueueAdmission(limit: configuration.maxCodeQueue, depth: metrics.codeQueueDepth)
        self.statistics = statistics
        serverOptions = try? configuration.scoring.scoringOptions(custom: configuration.customComponents)
    }

    /// `POST /reward`: one rollout, or a batch with groups.
    func reward(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let parsed = try Self.read(body) { bytes throws(RewardError) in try Wire.readRewardRequest(bytes, parallelism: engine.parallelism) }
        try checkBatchSize(parsed.items.count, field: "rollouts")
        let options = try parsed.config.map { try scoringOptions(configuration.scoring.overlaid(with: $0)) } ?? serverScoringOptions()
        try checkFieldSizes(parsed.items, batch: parsed.isBatch)
        if !parsed.isBatch {
            let rollout = try parsed.items[0].rollout.get(orThrow: APIError.badRequest)
            let result = try await admitted(parsed.items, options: options) { await engine.score(rollout, options: options) }
            metrics.record([result])
            abstentions.record([result], logger: context.logger)
            statistics.record(parsed.items, [result])
            return .json(result.jsonBytes(includeAdvantage: options.advantage != .none, verdictTextLimit: verdictTextLimit(options)))
        }
        let batch = try await admitted(parsed.items, options: options) {
            await engine.scoreBatch(parsed.items, options: options, warnings: parsed.warnings)
        }
        metrics.record(batch.results)
        abstentions.record(batch.results, logger: context.logger)
        statistics.record(parsed.items, batch.results)
        return .json(batch.jsonBytes(
            includeAdvantage: options.advantage != .none, verdictTextLimit: verdictTextLimit(options), parallelism: engine.parallelism))
    }

    /// The raw-text limit when results carry the verdicts' provenance (`include: ["judge"]`), else nil.
    func verdictTextLimit(_ options: ScoringOptions) -> Int? {
        options.include.contains(.judge) ? configuration.judgeRawTextLimit : nil
    }

    /// `GET /verdicts/{key}`: a verdict stored in the cache under `key` (the `key` of a result's `judge` list).
    func cachedVerdict(_ request: Request, context: some RequestContext) async throws -> Response {
        let key = context.parameters.get("key") ?? ""
        guard let cache, var verdict = try await cache.verdict(forKey: key) else {
            throw APIError(.notFound, RewardError(code: .notFound, message: "no verdict is cached under key '\(key)'", field: "key"))
        }
        verdict.key = key
        verdict.fromCache = true
        return .json(verdict.jsonBytes(rawTextLimit: configuration.judgeRawTextLimit))
    }

    func readBody(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, RewardError(
                code: .bodyTooLarge, message: "the request body is over the limit of \(configuration.maxBodyBytes) bytes (max_body_bytes)"))
        }
    }

    /// Reads the body with one of the wire readers; what it cannot read is a 400 naming the problem.
    static func read<T>(_ body: ByteBuffer, _ reader: (UnsafeBufferPointer<UInt8>) throws(RewardError) -> T) throws -> T {
        let result = body.withUnsafeReadableBytes { raw in
            Result { () throws(RewardError) in try reader(raw.assumingMemoryBound(to: UInt8.self)) }
        }
        return try result.get(orThrow: APIError.badRequest)
    }

    func checkBatchSize(_ count: Int, field: String) throws {
        guard count <= configuration.maxBatchSize else {
            throw APIError(.contentTooLarge, RewardError(
                code: .batchTooLarge, message: "\(count) rollouts is over the limit of \(configuration.maxBatchSize) (max_batch_size)", field: field))
        }
    }

    /// Runs `work` once the judge queue has room for `items` and the sandbox queue for their `code` rollouts;
    /// 503 with `Retry-After` when either has none.
    func admitted<T>(_ items: [RolloutItem], options: ScoringOptions, _ work: () async -> T) async throws -> T {
        let judged = admission == nil ? 0 : items.count
        let runs = codeAdmission == nil ? 0 : items.count(where: { item in
            guard case .success(let rollout) = item.rollout else { return false }
            return options.answerType(of: rollout) == .code
        })
        if let admission, !admission.admit(judged) {
            throw Self.queueFull("the judge queue is full (max_judge_queue \(configuration.maxJudgeQueue) rollouts); retry later")
        }
        defer { admission?.release(judged) }
        if let codeAdmission, !codeAdmission.admit(runs) {
            throw Self.queueFull("the sandbox queue is full (max_code_queue \(configuration.maxCodeQueue) code rollouts); retry later")
        }
        defer { codeAdmission?.release(runs) }
        return await work()
    }

    static func queueFull(_ message: String) -> APIError {
        APIError(.serviceUnavailable, RewardError(code: .queueFull, message: message), headers: [.retryAfter: "1"])
    }

    /// Every prompt, response, ground truth and image must fit `max_field_bytes`.
    func checkFieldSizes(_ items: [RolloutItem], batch: Bool, listName: String = "rollouts") throws {
        let limit = configuration.maxFieldBytes
        for (offset, item) in items.enumerated() {
            guard case .success(let rollout) = item.rollout else { continue }
            // Field names are built only for a field over the limit: this runs for every rollout.
            func check(_ value: String, _ name: @autoclosure () -> String) throws {
                guard value.utf8.count > limit else { return }
                let field = batch ? "\(listName)[\(offset)].\(name())" : name()
                throw APIError(.contentTooLarge, RewardError(
                    code: .fieldTooLarge, message: "\(field) is \(value.utf8.count) bytes, over the limit of \(limit) (max_field_bytes)", field: field))
            }
            try check(rollout.prompt, "prompt")
            try check(rollout.response, "response")
            for (index, truth) in (rollout.groundTruths ?? []).enumerated() { try check(truth, "ground_truth[\(index)]") }
            for (index, image) in rollout.images.enumerated() { try check(image, "images[\(index)]") }
        }
    }

    /// The server's scoring options (resolved at start-up; the loader has already checked they are valid).
    func serverScoringOptions() throws -> ScoringOptions {
        if let serverOptions { return serverOptions }
        return try scoringOptions(configuration.scoring)
    }

    func scoringOptions(_ config: RequestConfig) throws -> ScoringOptions {
        do {
            return try config.scoringOptions(custom: configuration.customComponents)
        } catch {
            throw APIError.badRequest(error)
        }
    }
}

extension Result {
    /// The success value, or the failure mapped to another error and thrown.
    func get<E: Error>(orThrow map: (Failure) -> E) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw map(error)
        }
    }
}
