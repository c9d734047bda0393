import RewardCore

/// Any code runner behind a limit on parallel runs and an in-memory result cache, with equal jobs run once
/// at a time (a GRPO group often holds the same program several times): the runner the server uses.
public struct QueuedCodeRunner: CodeRunner {
    let base: any CodeRunner
    let limiter: ConcurrencyLimiter
    let cache: CodeResultCache

    /// Wraps `base`: at most `parallelRuns` jobs at once, results of up to `cacheBytes` of jobs remembered.
    public init(_ base: any CodeRunner, parallelRuns: Int, cacheBytes: Int = 64 << 20) {
        self.base = base
        self.limiter = ConcurrencyLimiter(limit: parallelRuns)
        self.cache = CodeResultCache(budget: cacheBytes)
    }

    /// The cached result of an equal job, the result of an equal job already running, or a run once a permit is free.
    public func run(_ job: CodeJob) async throws -> CodeRunResult {
        if let known = try await cache.claim(job) { return known }
        do {
            let result = try await limiter.withPermit { try await base.run(job) }
            await cache.finish(job, with: .success(result))
            return result
        } catch {
            await cache.finish(job, with: .failure(error))
            throw error
        }
    }
}

/// Results keyed by the whole job (code, tests and limits; hashed, then compared exactly, so two jobs never
/// share a result), oldest dropped first once the jobs' bytes pass the budget; and the jobs being run, with
/// the callers waiting for them.
actor CodeResultCache {
    private let budget: Int
    private var results: [CodeJob: CodeRunResult] = [:]
    private var running: [CodeJob: [CheckedContinuation<CodeRunResult, any Error>]] = [:]
    private var order: [CodeJob] = []
    private var head = 0
    private var bytes = 0

    init(budget: Int) { self.budget = max(0, budget) }

    func result(for job: CodeJob) -> CodeRunResult? { results[job] }

    /// The cached result, or the result of the equal job already running (waited for), or nil: the caller
    /// runs the job and must `finish` it.
    func claim(_ job: CodeJob) async throws -> CodeRunResult? {
        if let cached = results[job] { return cached }
        guard running[job] == nil else {
            return try await withCheckedThrowingContinuation { running[job, default: []].append($0) }
        }
        running[job] = []
        return nil
    }

    /// Ends a claimed run: remembers its result (a timeout never: the machine's load may have caused it) and
    /// hands the outcome to the callers waiting for it.
    func finish(_ job: CodeJob, with outcome: Result<CodeRunResult, any Error>) {
        if case .success(let result) = outcome, !result.outcomes.contains(.timeout) { store(result, for: job) }
        for waiter in running.removeValue(forKey: job) ?? [] { waiter.resume(with: outcome) }
    }

    func store(_ result: CodeRunResult, for job: CodeJob) {
        let size = Self.size(of: job)
        guard size <= budget / 16, results[job] == nil else { return }
        results[job] = result
        order.append(job)
        bytes += size
        while bytes > budget, head < order.count {
            let oldest = order[head]
            head += 1
            results[oldest] = nil
            bytes -= Self.size(of: oldest)
        }
        if head > 1024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    /// The bytes a job holds, with a fixed allowance per entry and test.
    static func size(of job: CodeJob) -> Int {
        job.tests.reduce(256 + job.program.utf8.count) { $0 + 64 + $1.stdin.utf8.count + ($1.expectedStdout?.utf8.count ?? 0) }
    }

    /// How many results are held (for tests).
    var count: Int { results.count }
}
