/// Chooses the prompts to roll out next from their statistics: the service's `POST /sample`, or in process.
public protocol PromptSelecting: Sendable {
    /// The ids of the `request.k` candidates the strategy prefers, best first.
    func sample(_ request: SampleRequest) async throws -> [String]
    /// Learns from scored rollouts (the service learns from its own scoring, so its client does nothing here).
    func observe(_ items: [RolloutItem], _ results: [RewardResult]) async throws
}

/// Prompt selection in process, with statistics in memory: for `--reward-url local` and tests.
public actor LocalPromptSelector: PromptSelecting {
    private let store = InMemoryPromptStatisticsStore()
    private let policy: PromptStatisticsPolicy
    private var updates = 0.0

    /// Creates a selector with `policy`'s prior and decay.
    public init(policy: PromptStatisticsPolicy = PromptStatisticsPolicy()) {
        self.policy = policy
    }

    /// The preferred candidates.
    public func sample(_ request: SampleRequest) async -> [String] {
        let known = await store.load(request.candidates)
        return PromptSampler.sample(request.candidates, k: request.k, strategy: request.strategy, seed: request.seed, statistics: known, policy: policy)
            .map(\.id)
    }

    /// Adds scored rollouts; each call is one update (one step), on a clock of its own so runs repeat exactly.
    public func observe(_ items: [RolloutItem], _ results: [RewardResult]) async {
        updates += 1
        await store.add(PromptObservations.collect(items, results), policy: policy, now: updates)
    }
}

extension SampleRequest {
    /// The `POST /sample` body.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter(capacity: 64 + 24 * candidates.count)
        writer.raw("{")
        writer.key("candidates")
        writer.strings(candidates)
        writer.member("k", k)
        writer.raw(",")
        writer.key("strategy")
        writer.string(strategy.rawValue)
        writer.member("seed", Int(seed % (1 << 52)))
        writer.raw("}")
        return writer.bytes
    }
}
