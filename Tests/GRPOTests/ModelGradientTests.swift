import Testing
@testable import GRPO

@Suite("Whole-model and loss gradients")
struct ModelGradientTests {
    static let config = ModelConfig(vocabSize: 11, dModel: 8, layers: 2, heads: 2, ffn: 12, maxLen: 8)

    static func fixture() -> (Transformer, TokenBatch, [TrainingSequence]) {
        var rng = RandomStream(seed: 7, stream: "model")
        var model = Transformer(config: config, rng: &rng)
        // Larger weights than the init so every path carries gradient well above rounding.
        for i in model.params.tensors.indices {
            for j in model.params.tensors[i].data.indices { model.params.tensors[i].data[j] += rng.nextGaussian() * 0.3 }
        }
        let seqs = [
            TrainingSequence(tokens: [1, 4, 5, 6, 7, 2], responseStart: 2),
            TrainingSequence(tokens: [1, 9, 3, 8], responseStart: 2),
        ]
        return (model, TokenBatch(sequences: seqs.map(\.tokens)), seqs)
    }

    @Test func everyParameterTensor() {
        let (model, batch, seqs) = Self.fixture()
        let (logits, cache) = model.forward(batch)
        let dlogits = Losses.crossEntropy(logits: logits, batch: batch, sequences: seqs).dlogits
        var grads = ParameterSet(zerosFor: Self.config)
        model.backward(dlogits, cache: cache, grads: &grads)
        let err = GradientCheck.maxRelativeError(inputs: model.params.tensors, analytic: grads.tensors, samples: 6) { p in
            let m = Transformer(config: Self.config, params: ParameterSet(tensors: p))
            return Double(Losses.crossEntropy(logits: m.forward(batch).logits, batch: batch, sequences: seqs).loss)
        }
        #expect(err < 3e-2)
    }

    @Test(arguments: LossAggregation.allCases)
    func policyLossAtLogits(aggregation: LossAggregation) {
        let (model, batch, seqs) = Self.fixture()
        let logits = model.forward(batch).logits
        var config = PolicyLossConfig()
        config.aggregation = aggregation
        config.beta = 0.1
        config.temperature = 0.8
        config.maxCompletionLength = 6
        let old = Losses.responseLogProbs(logits: logits, batch: batch, sequences: seqs, temperature: 0.8)
        // Shift old log-probs so some ratios fall outside the clip range and some inside.
        let samples = [
            PolicySample(oldLogProbs: old[0].enumerated().map { $0.element + ($0.offset % 2 == 0 ? 0.05 : -0.4) }, advantage: 1.3, refLogProbs: old[0].map { $0 - 0.2 }),
            PolicySample(oldLogProbs: old[1].map { $0 + 0.1 }, advantage: -0.7, refLogProbs: old[1].map { $0 + 0.3 }),
        ]
        let (_, dlogits) = Losses.policy(logits: logits, batch: batch, sequences: seqs, samples: samples, config: config)
        let err = GradientCheck.maxRelativeError(inputs: [logits], analytic: [dlogits], samples: 80, step: 1e-3) {
            Double(Losses.policy(logits: $0[0], batch: batch, sequences: seqs, samples: samples, config: config).stats.loss)
        }
        #expect(err < 3e-2)
    }

    @Test func clippedTokensCarryNoGradient() {
        let (model, batch, seqs) = Self.fixture()
        let logits = model.forward(batch).logits
        let old = Losses.responseLogProbs(logits: logits, batch: batch, sequences: seqs, temperature: 1)
        // ratio = e^1 > 1.28 with a positive advantage: every token is clipped.
        let samples = old.map { PolicySample(oldLogProbs: $0.map { $0 - 1 }, advantage: 1) }
        let (stats, dlogits) = Losses.policy(logits: logits, batch: batch, sequences: seqs, samples: samples, config: PolicyLossConfig())
        #expect(stats.clipFraction == 1)
        #expect(dlogits.data.allSatisfy { $0 == 0 })
    }
}
