import RewardCore

/// Any code runner behind a limit on parallel runs and an in-memory result cache: the runner the server uses.
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

    /// The cached result of an equal job, or a run once a permit is free.
    public func run(_ job: CodeJob) async throws -> CodeRunResult {
        if let cached = await cache.result(for: job) { return cached }
        let result = try await limiter.withPermit { try await base.run(job) }
        // A timeout may be the machine's load rather than the program's: never remembered.
        if !result.outcomes.contains(.timeout) { await cache.store(result, for: job) }
        return result
    }
}

/// Results keyed by the whole job (code, tests and limits; hashed, then compared exactly, so two jobs never
/// share a result), oldest dropped first once the jobs' bytes pass the budget.
actor CodeResultCache {
    private let budget: Int
    private var results: [CodeJob: CodeRunResult] = [:]
    private var order: [CodeJob] = []
    private var head = 0
    private var bytes = 0

    init(budget: Int) { self.budget = max(0, budget) }

    func result(for job: CodeJob) -> CodeRunResult? { results[job] }

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
