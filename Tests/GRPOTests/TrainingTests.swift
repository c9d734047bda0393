import Foundation
import RewardCore
import Testing
@testable import GRPO

@Suite("SFT, sampling, determinism and checkpoints")
struct TrainingTests {
    @Test func oneSFTStepLowersTheLossOnAFixedBatch() {
        let c = Fixtures.tiny
        var state = Fixtures.freshState(c)
        var rng = RandomStream(seed: 5, stream: "batch")
        let seqs = SFTTrainer(config: c).batch(count: 16, rng: &rng)
        let batch = TokenBatch(sequences: seqs.map(\.tokens))
        let before = Losses.crossEntropy(logits: state.model.forward(batch).logits, batch: batch, sequences: seqs).loss
        _ = SFTTrainer.update(&state, sequences: seqs, learningRate: 3e-3, maxGradNorm: 1)
        let after = Losses.crossEntropy(logits: state.model.forward(batch).logits, batch: batch, sequences: seqs).loss
        #expect(after < before - 0.01)
    }

    @Test func sampledLogProbsMatchTheTrainingForward() {
        let c = Fixtures.tiny
        let model = Fixtures.freshState(c).model
        var rng = RandomStream(seed: 3, stream: "s")
        let prompts = [[Tokenizer.bos, 13, 20, 14, 21], [Tokenizer.bos, 17, 20, 11, 20, 12, 20, 9, 21]]
        let gens = Sampler(model: model).generate(prompts: prompts, params: SamplingParams(temperature: 0.7, maxNewTokens: 12), rng: &rng)
        let seqs = zip(prompts, gens).map { TrainingSequence(tokens: $0 + $1.tokens, responseStart: $0.count) }
        let batch = TokenBatch(sequences: seqs.map(\.tokens))
        let full = Losses.responseLogProbs(logits: model.forward(batch).logits, batch: batch, sequences: seqs, temperature: 0.7)
        for (g, f) in zip(gens, full) {
            #expect(!g.tokens.isEmpty)
            for (a, b) in zip(g.logProbs, f) { #expect(abs(a - b) < 1e-4) }
        }
    }

    @Test func nucleusSamplingKeepsOnlyTheTopMass() {
        var logp: [Float] = [0.6, 0.3, 0.1].map { Float(_log(Double($0))) }
        Sampler.logSoftmaxInPlace(&logp)
        var rng = RandomStream(seed: 8, stream: "p")
        let narrow = (0..<200).map { _ in Sampler.nucleus(logp, topP: 0.5, rng: &rng) }
        let wide = (0..<200).map { _ in Sampler.nucleus(logp, topP: 1, rng: &rng) }
        #expect(Set(narrow) == [0])
        #expect(Set(wide) == [0, 1, 2])
        #expect(Sampler.argmax(logp) == 0)
    }

    @Test func sftRunsAreIdenticalForTheSameSeed() throws {
        func metrics(seed: UInt64) -> [String] {
            var c = Fixtures.tiny
            c.seed = seed
            var state = Fixtures.freshState(c)
            let t = SFTTrainer(config: c)
            return (0..<3).map { _ in
                var m = t.step(&state)
                m.timing = Timing(seconds: 0, tokensPerSecond: 0)
                return (try? MetricsLog.line(m)) ?? ""
            }
        }
        #expect(metrics(seed: 1) == metrics(seed: 1))
        #expect(metrics(seed: 1) != metrics(seed: 2))
    }

    @Test func rlMetricLogsAreIdenticalForTheSameSeed() async throws {
        func run(seed: UInt64) async throws -> [String] {
            var c = Fixtures.tiny
            c.seed = seed
            var state = Fixtures.freshState(c, stage: .rl)
            let trainer = RLTrainer(config: c, client: RewardEngine())
            var lines: [String] = []
            for _ in 0..<2 {
                var m = try await trainer.step(&state)
                m.timing = Timing(seconds: 0, tokensPerSecond: 0)
                lines.append(try MetricsLog.line(m))
            }
            return lines + [state.model.params.flat.prefix(50).map(\.description).joined()]
        }
        let a = try await run(seed: 4), b = try await run(seed: 4), other = try await run(seed: 5)
        #expect(a == b)
        #expect(a != other)
    }

    @Test func resumingFromACheckpointContinuesExactly() throws {
        let c = Fixtures.tiny
        let trainer = SFTTrainer(config: c)
        var straight = Fixtures.freshState(c)
        for _ in 0..<4 { _ = trainer.step(&straight) }

        var first = Fixtures.freshState(c)
        for _ in 0..<2 { _ = trainer.step(&first) }
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = CheckpointStore(directory: dir)
        let url = try store.save(first, config: c)
        #expect(url.lastPathComponent == "global_step_2")
        #expect(store.latest()?.lastPathComponent == "global_step_2")
        var resumed = try CheckpointStore.load(url).state
        for _ in 0..<2 { _ = trainer.step(&resumed) }
        #expect(resumed.model.params == straight.model.params)
        #expect(resumed.optimizer.step == straight.optimizer.step)
        #expect(resumed.dataRNG == straight.dataRNG)
        // No temporary directory is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(names == ["global_step_2"])
    }

    @Test func anIncompleteCheckpointIsRejectedWithItsPath() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let half = dir.appendingPathComponent("global_step_9")
        try FileManager.default.createDirectory(at: half, withIntermediateDirectories: true)
        #expect(CheckpointStore(directory: dir).latest() == nil)
        #expect(throws: TrainerError.self) { try CheckpointStore.load(half) }
    }

    @Test func tokenizerRoundTripsTheLayout() throws {
        let t = Tokenizer()
        let item = TaskItem(id: "x", operands: [3, 8, 5, 2], operators: ["+", "+", "+"])
        #expect(item.trace == "3+8=11;11+5=16;16+2=18")
        let text = item.response(thinking: true)
        let tokens = try t.encode(text)
        #expect(t.decode(tokens) == text)
        #expect(tokens.filter { $0 == t.id("<think>") }.count == 1)
        #expect(throws: TrainerError.self) { try t.encode("x?") }
    }

    @Test func heldOutChainsNeverAppearInTraining() {
        var rng = RandomStream(seed: 1, stream: "d")
        let g = TaskGenerator(hardFraction: 1)
        let train = Set((0..<2000).map { _ in g.sample(.train, rng: &rng).operands })
        let held = g.evaluationSet(count: 200, seed: 2026).map(\.operands)
        #expect(held.allSatisfy { !train.contains($0) })
    }
}
