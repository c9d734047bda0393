import Testing

@testable import RewardCore

@Suite("Prompt statistics: Beta updates with two-scale decay, and the samplers")
struct PromptStatisticsTests {
    var policy: PromptStatisticsPolicy {
        var policy = PromptStatisticsPolicy()
        policy.halfLifeSeconds = 100
        return policy
    }

    @Test("Beta updates and both decays against hand-computed values")
    func updates() {
        var stats = PromptStatistics(id: "q", prior: policy, now: 0)
        // First evidence is not decayed: Beta(1 + 3, 1 + 1).
        stats.update(accuracies: [1, 1, 1, 0], rewards: [1, 1, 1, 0.1], at: 0, policy: policy)
        #expect(stats.alpha == 4 && stats.beta == 2)
        #expect(stats.attempts == 4 && stats.successes == 3)
        #expect(abs(stats.rewardMean - 0.775) < 1e-12)
        // Same instant: visit decay 0.9 only. alpha = 1 + 0.9 * 3 + 1 = 4.7, beta = 1 + 0.9 * 1 + 1 = 2.9.
        stats.update(accuracies: [1, 0], rewards: [1, 0.1], at: 0, policy: policy)
        #expect(abs(stats.alpha - 4.7) < 1e-12 && abs(stats.beta - 2.9) < 1e-12)
        // One half-life later: keep 0.9 * 0.5 = 0.45. alpha = 1 + 0.45 * 3.7 = 2.665, beta = 1 + 0.45 * 1.9 + 1 = 2.855.
        stats.update(accuracies: [0], rewards: [0], at: 100, policy: policy)
        #expect(abs(stats.alpha - 2.665) < 1e-12 && abs(stats.beta - 2.855) < 1e-12)
        #expect(stats.firstUpdate == 0 && stats.lastUpdate == 100)
        #expect(abs(stats.passRate - 2.665 / 5.52) < 1e-12)
    }

    func knownStatistics() -> [String: PromptStatistics] {
        // "easy" solved 20 of 20 times, "hard" 0 of 20, "half" 10 of 20.
        var rows: [String: PromptStatistics] = [:]
        for (id, wins) in [("easy", 20), ("hard", 0), ("half", 10)] {
            var stats = PromptStatistics(id: id)
            stats.update(accuracies: (0..<20).map { $0 < wins ? 1 : 0 }, rewards: Array(repeating: 0.5, count: 20), at: 0, policy: PromptStatisticsPolicy())
            rows[id] = stats
        }
        return rows
    }

    @Test("Thompson sampling is reproducible under a seed and prefers prompts near p = 0.5")
    func vade() {
        let candidates = ["easy", "hard", "half", "new"]
        let first = PromptSampler.sample(candidates, k: 2, strategy: .vade, seed: 7, statistics: knownStatistics())
        let again = PromptSampler.sample(candidates, k: 2, strategy: .vade, seed: 7, statistics: knownStatistics())
        #expect(first == again)
        var picked: [String: Int] = [:]
        for seed in 0..<400 {
            for prompt in PromptSampler.sample(candidates, k: 1, strategy: .vade, seed: UInt64(seed), statistics: knownStatistics()) {
                picked[prompt.id, default: 0] += 1
            }
        }
        // "half" (Beta(11, 11)) and the unknown prompt (the prior Beta(1, 1)) are drawn near 0.5 far more
        // often than the solved and the unsolvable prompts.
        #expect(picked["half", default: 0] + picked["new", default: 0] > 350, "\(picked)")
        #expect(picked["half", default: 0] > picked["easy", default: 0] + picked["hard", default: 0])
    }

    @Test("learnability ranks by p(1 - p) at the posterior mean; uniform and k are honoured; unknown ids get the prior")
    func learnabilityAndUniform() {
        let ranked = PromptSampler.sample(["easy", "half", "hard"], k: 3, strategy: .learnability, seed: 1, statistics: knownStatistics())
        #expect(ranked.first?.id == "half")
        let unknown = PromptSampler.sample(["new"], k: 1, strategy: .learnability, seed: 1, statistics: [:])
        #expect(unknown.first?.statistics.alpha == 1 && unknown.first?.statistics.beta == 1)
        let uniform = PromptSampler.sample((0..<50).map(String.init), k: 10, strategy: .uniform, seed: 3, statistics: [:])
        #expect(uniform.count == 10)
        #expect(Set(uniform.map(\.id)).count == 10)
        #expect(uniform != PromptSampler.sample((0..<50).map(String.init), k: 10, strategy: .uniform, seed: 4, statistics: [:]))
    }

    @Test("a prompt without prompt_id is keyed by a stable hash of its text")
    func hash() {
        #expect(promptHash("What is 3+4?") == promptHash("What is 3+4?"))
        #expect(promptHash("What is 3+4?") != promptHash("What is 3+5?"))
        #expect(promptHash("").count == 17)
    }

    @Test("a batch's observations go to each rollout's own prompt, however the prompts interleave")
    func collectInterleaved() {
        let prompts = ["A", "A", "B", "A", "B", "B"]
        let items = prompts.enumerated().map { index, prompt in
            var rollout = Rollout(id: .integer(index), prompt: prompt, response: "", groundTruths: nil)
            if index == 5 { rollout.promptID = "named" }
            return RolloutItem(rollout: .success(rollout), id: rollout.id, label: nil, warnings: [])
        }
        let results = prompts.indices.map { index in
            var result = RewardResult(id: .integer(index))
            result.reward = Double(index)
            result.accuracy = index % 2 == 0 ? 1 : 0
            return result
        }
        let batch = PromptObservations.collect(items, results)
        #expect(batch[promptHash("A")] == PromptObservations(accuracies: [1, 0, 0], rewards: [0, 1, 3]))
        #expect(batch[promptHash("B")] == PromptObservations(accuracies: [1, 1], rewards: [2, 4]))
        #expect(batch["named"] == PromptObservations(accuracies: [0], rewards: [5]))
    }

    @Test("the in-memory store keeps at most its capacity, forgetting the least recently updated prompts first")
    func inMemoryBound() async {
        let store = InMemoryPromptStatisticsStore(capacity: 100)
        let seen = PromptObservations(accuracies: [1], rewards: [1])
        for step in 0..<30 {
            // Ten new prompts per step, and prompt "kept" again each time.
            var batch = Dictionary(uniqueKeysWithValues: (0..<10).map { ("p\(step)-\($0)", seen) })
            batch["kept"] = seen
            await store.add(batch, policy: PromptStatisticsPolicy(), now: Double(step))
            #expect(await store.count <= 100)
        }
        let loaded = await store.load(["kept", "p29-0", "p0-0", "p5-9"])
        #expect(loaded["kept"]?.attempts == 30)
        #expect(loaded["p29-0"] != nil)
        #expect(loaded["p0-0"] == nil && loaded["p5-9"] == nil)
    }
}
