extension PromptStatistics {
    /// Writes `{"id", "attempts", "successes", "alpha", "beta", "pass_rate", "learnability", "reward_mean",
    /// "reward_variance", "first_update", "last_update"}`; `score` adds the sampler's score.
    public func write(to writer: inout JSONWriter, score: Double? = nil) {
        writer.raw("{")
        writer.key("id")
        writer.string(id)
        if let score { writer.member("score", score) }
        writer.member("attempts", attempts)
        writer.member("successes", successes)
        for (key, value) in [
            ("alpha", alpha), ("beta", beta), ("pass_rate", passRate), ("learnability", learnability),
            ("reward_mean", rewardMean), ("reward_variance", rewardVariance), ("first_update", firstUpdate), ("last_update", lastUpdate),
        ] {
            writer.member(key, value)
        }
        writer.raw("}")
    }
}

/// A `POST /sample` body.
public struct SampleRequest: Sendable {
    /// The prompt ids to choose from.
    public var candidates: [String]
    /// How many to choose.
    public var k: Int
    /// How to choose.
    public var strategy: SamplingStrategy
    /// The seed that makes the choice reproducible.
    public var seed: UInt64

    /// A request for `k` of `candidates` by `strategy`, reproducible under `seed`.
    public init(candidates: [String], k: Int, strategy: SamplingStrategy, seed: UInt64) {
        self.candidates = candidates
        self.k = k
        self.strategy = strategy
        self.seed = seed
    }
}

extension Wire {
    /// Reads `{"candidates": [...], "k": N, "strategy": "vade" | "learnability" | "uniform", "seed": S}`.
    public static func readSampleRequest(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> SampleRequest {
        let object = try readDocumentObject(bytes)
        guard let candidates = try WireField.strings(object, "candidates") else {
            throw RewardError(code: .missingField, message: "candidates (a list of prompt ids) is required", field: "candidates")
        }
        let k = try WireField.number(object, "k", in: 0...1e7) ?? Double(candidates.count)
        guard k == k.rounded() else { throw WireField.wrongType("k", "a whole number") }
        let seed = try WireField.number(object, "seed", in: 0...9e15) ?? 0
        return SampleRequest(
            candidates: candidates, k: Int(k), strategy: try WireField.choice(SamplingStrategy.self, object, "strategy") ?? .vade,
            seed: UInt64(seed))
    }
}
