/// Metrics of one SFT step, one JSONL line.
public struct SFTStepMetrics: Sendable, Codable, Equatable {
    /// Stage name, `sft`.
    public var stage = "sft"
    /// Step number, from 1.
    public var step: Int
    /// Mean next-token loss on response tokens.
    public var loss: Float
    /// Gradient norm before clipping.
    public var gradNorm: Float
    /// Learning rate used.
    public var learningRate: Float
    /// Tokens in the batch.
    public var tokens: Int
    /// Wall-clock figures; the only fields that differ between runs with the same seed.
    public var timing: Timing
}

/// Wall-clock figures of a step.
public struct Timing: Sendable, Codable, Equatable {
    /// Step duration.
    public var seconds: Double
    /// Tokens processed per second (sampled plus trained).
    public var tokensPerSecond: Double
    /// Seconds spent sampling, scoring and training (RL only).
    public var sampleSeconds: Double?
    /// Seconds waiting on the reward service (RL only).
    public var rewardSeconds: Double?
    /// Seconds in forward, backward and update.
    public var trainSeconds: Double?
}

/// Supervised fine-tuning on generated data whose think/direct choice is a fair coin.
///
/// SFT teaches *how* to answer in each mode; *when* to think is left to RL.
public struct SFTTrainer: Sendable {
    /// Run settings.
    public let config: TrainerConfig
    let tokenizer = Tokenizer()

    /// A trainer for `config`.
    public init(config: TrainerConfig) { self.config = config }

    /// A batch of `count` items, each with a randomly chosen mode.
    public func batch(count: Int, rng: inout RandomStream) -> [TrainingSequence] {
        let generator = TaskGenerator(hardFraction: config.hardFraction)
        return (0..<count).map { _ in
            let item = generator.sample(.train, rng: &rng)
            let thinking = rng.next() & 1 == 1
            return Self.sequence(item: item, response: item.response(thinking: thinking), tokenizer: tokenizer)
        }
    }

    /// BOS, prompt, response, EOS.
    static func sequence(item: TaskItem, response: String, tokenizer: Tokenizer) -> TrainingSequence {
        let prompt = promptTokens(item, tokenizer)
        // Task text only uses vocabulary characters, so encoding cannot fail here.
        let body = (try? tokenizer.encode(response)) ?? []
        return TrainingSequence(tokens: prompt + body + [Tokenizer.eos], responseStart: prompt.count)
    }

    /// BOS and the question.
    static func promptTokens(_ item: TaskItem, _ tokenizer: Tokenizer) -> [Int] {
        [Tokenizer.bos] + ((try? tokenizer.encode(item.prompt)) ?? [])
    }

    /// One optimizer step on a freshly drawn batch.
    public func step(_ state: inout TrainingState) -> SFTStepMetrics {
        let clock = ContinuousClock()
        let start = clock.now
        let seqs = batch(count: config.sft.perDeviceTrainBatchSize, rng: &state.dataRNG)
        let (loss, norm, tokens) = Self.update(
            &state, sequences: seqs, learningRate: learningRate(at: state.step), maxGradNorm: config.sft.maxGradNorm)
        state.step += 1
        let seconds = (clock.now - start).seconds
        return SFTStepMetrics(
            step: state.step, loss: loss, gradNorm: norm, learningRate: learningRate(at: state.step - 1), tokens: tokens,
            timing: Timing(seconds: seconds, tokensPerSecond: Double(tokens) / seconds))
    }

    /// Cross-entropy step on fixed sequences; returns loss, gradient norm and token count.
    public static func update(_ state: inout TrainingState, sequences: [TrainingSequence], learningRate: Float, maxGradNorm: Float) -> (Float, Float, Int) {
        let batch = TokenBatch(sequences: sequences.map(\.tokens))
        let (logits, cache) = state.model.forward(batch)
        let (loss, dlogits) = Losses.crossEntropy(logits: logits, batch: batch, sequences: sequences)
        var grads = ParameterSet(zerosFor: state.model.config)
        state.model.backward(dlogits, cache: cache, grads: &grads)
        let norm = clipGradients(&grads, maxNorm: maxGradNorm)
        state.optimizer.update(&state.model.params, grads: grads, lr: learningRate)
        return (loss, norm, batch.batch * batch.seqLen)
    }

    func learningRate(at step: Int) -> Float {
        scheduledLearningRate(peak: config.sft.learningRate, step: step, total: config.sft.maxSteps, warmup: config.sft.warmupSteps)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
