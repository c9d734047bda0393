import RewardClient
import RewardCore

/// One sampled rollout with its reward-service verdict.
struct ScoredRollout {
    var group: String
    var prompt: [Int]
    var generation: Generation
    var result: RewardResult
    var advantage: Double?
}

/// GRPO/DAPO steps: sample G rollouts per prompt, score them through a `RewardScorer`, update.
public struct RLTrainer: Sendable {
    /// Settings.
    public let config: TrainerConfig
    /// The reward service (or an in-process stand-in).
    public let client: any RewardScorer
    /// Chooses each step's prompts from the pool when `rl.sampler` is set.
    public let selector: (any PromptSelecting)?
    let tokenizer = Tokenizer()
    /// The fixed prompt pool the sampler chooses from.
    let pool: [TaskItem]

    /// A trainer scoring through `client`; with `rl.sampler`, `selector` picks the prompts.
    public init(config: TrainerConfig, client: any RewardScorer, selector: (any PromptSelecting)? = nil) {
        self.config = config
        self.client = client
        self.selector = selector
        pool = config.rl.sampler == nil ? []
            : TaskGenerator(hardFraction: config.hardFraction).trainingPool(count: config.rl.promptPoolSize ?? 256, seed: config.seed)
    }

    /// This round's prompts: chosen from the pool by the sampler, or fresh random tasks.
    func prompts(_ state: inout TrainingState, round: Int) async throws -> [TaskItem] {
        let rl = config.rl
        guard let strategy = rl.sampler, let selector else {
            let generator = TaskGenerator(hardFraction: config.hardFraction)
            return (0..<rl.trainBatchSize).map { _ in generator.sample(.train, rng: &state.dataRNG) }
        }
        let seed = config.seed &+ UInt64(state.step) &* 1_000 &+ UInt64(round)
        let request = SampleRequest(candidates: pool.map(\.id), k: rl.trainBatchSize, strategy: strategy, seed: seed)
        let chosen: [String]
        do {
            chosen = try await selector.sample(request)
        } catch let error as RewardClientError {
            throw TrainerError.rewardService(error.message)
        }
        let byID = Dictionary(uniqueKeysWithValues: pool.map { ($0.id, $0) })
        return chosen.compactMap { byID[$0] }
    }

    /// Advantage mode sent to the service: Dr. GRPO does not divide by the group std.
    var advantageMode: AdvantageMode { config.rl.lossType == .drGRPO ? .drgrpo : .grpo }

    /// One RL step: sample (refilling dropped groups), score, and update the policy.
    public func step(_ state: inout TrainingState) async throws -> RLStepMetrics {
        let clock = ContinuousClock()
        let start = clock.now
        let rl = config.rl
        var kept: [[ScoredRollout]] = []
        var all: [ScoredRollout] = []
        var dropped = 0
        var rounds = 0
        var rewardTime = Duration.zero
        while rounds < rl.maxNumGenBatches, kept.count < rl.trainBatchSize {
            rounds += 1
            let (scored, seconds) = try await sampleAndScore(&state, round: rounds)
            rewardTime += seconds
            all += scored
            // Rollouts arrive prompt by prompt, G at a time, so groups are consecutive chunks.
            for lo in stride(from: 0, to: scored.count, by: rl.numGenerations) {
                let group = Array(scored[lo..<min(lo + rl.numGenerations, scored.count)])
                let rewards = group.compactMap(\.result.reward)
                let degenerate = Set(rewards).count <= 1
                if rl.filterGroups && degenerate { dropped += 1 } else { kept.append(group) }
            }
            if !rl.filterGroups { break }
        }
        kept = Array(kept.prefix(rl.trainBatchSize))
        let sampleEnd = clock.now
        let update = train(&state, groups: kept)
        state.step += 1
        let end = clock.now
        let sampledTokens = all.reduce(0) { $0 + $1.generation.tokens.count + $1.prompt.count }
        let seconds = (end - start).seconds
        return metrics(
            step: state.step, all: all, update: update, kept: kept.count, dropped: dropped, rounds: rounds,
            sampledTokens: sampledTokens, timing: Timing(
                seconds: seconds, tokensPerSecond: Double(sampledTokens + update.tokens) / seconds,
                sampleSeconds: (sampleEnd - start).seconds, rewardSeconds: rewardTime.seconds,
                trainSeconds: (end - sampleEnd).seconds))
    }

    /// Samples `train_batch_size` prompts × G rollouts and scores them as one batch.
    func sampleAndScore(_ state: inout TrainingState, round: Int) async throws -> ([ScoredRollout], Duration) {
        let rl = config.rl
        let items = try await prompts(&state, round: round)
        let prompts = items.flatMap { item in Array(repeating: SFTTrainer.promptTokens(item, tokenizer), count: rl.numGenerations) }
        let params = SamplingParams(temperature: rl.temperature, topP: rl.topP, maxNewTokens: rl.maxCompletionLength)
        let generations = Sampler(model: state.model).generate(prompts: prompts, params: params, rng: &state.samplingRNG)
        var rollouts: [Rollout] = []
        for (i, item) in items.enumerated() {
            for j in 0..<rl.numGenerations {
                let g = generations[i * rl.numGenerations + j]
                var rollout = item.rollout(
                    id: "s\(state.step + 1)-r\(round)-p\(i)-g\(j)", response: tokenizer.decode(g.tokens),
                    group: "s\(state.step + 1)-r\(round)-p\(i)")
                if rl.sampler != nil { rollout.promptID = item.id }
                rollouts.append(rollout)
            }
        }
        let clock = ContinuousClock()
        let t0 = clock.now
        var results = try await RewardCall.score(rollouts, advantage: advantageMode, with: client).results
        let waited = clock.now - t0
        if rl.sampler != nil {
            try await selector?.observe(rollouts.map { RolloutItem(.success($0)) }, results)
        }
        if rl.overlongBufferLength > 0 {
            applyOverlongPenalty(&results, generations: generations)
            // The service's own group statistics, recomputed over the penalised rewards.
            _ = GroupStatistics.apply(to: &results, mode: advantageMode)
        }
        let scored = rollouts.indices.map { k in
            ScoredRollout(
                group: rollouts[k].group!, prompt: prompts[k], generation: generations[k], result: results[k],
                advantage: results[k].reward == nil ? nil : results[k].advantage)
        }
        return (scored, waited)
    }

    /// DAPO soft overlong punishment: a linear penalty inside the last `overlong_buffer_length` tokens.
    func applyOverlongPenalty(_ results: inout [RewardResult], generations: [Generation]) {
        let rl = config.rl
        let expected = rl.maxCompletionLength - rl.overlongBufferLength
        for k in results.indices {
            guard let r = results[k].reward else { continue }
            let excess = generations[k].tokens.count - expected
            if excess > 0 {
                results[k].reward = r - min(1, Double(excess) / Double(rl.overlongBufferLength)) * rl.overlongPenaltyFactor
            }
        }
    }

    /// Linear warm-up, then constant (verl's default for RL).
    func learningRate(at step: Int) -> Float {
        let rl = config.rl
        return step < rl.warmupSteps ? rl.learningRate * Float(step + 1) / Float(rl.warmupSteps) : rl.learningRate
    }

    struct UpdateStats {
        var loss: Float = 0, gradNorm: Float = 0, clipFraction: Double = 0, kl: Double = 0, tokens = 0
    }

    /// `num_iterations` passes of `mini_batches` updates over the kept groups.
    func train(_ state: inout TrainingState, groups: [[ScoredRollout]]) -> UpdateStats {
        let rl = config.rl
        let rollouts = groups.flatMap { $0 }
        var stats = UpdateStats()
        guard !rollouts.isEmpty else { return stats }
        var lossConfig = PolicyLossConfig()
        lossConfig.epsilonLow = rl.epsilon
        lossConfig.epsilonHigh = rl.epsilonHigh
        lossConfig.beta = rl.beta
        lossConfig.aggregation = rl.lossType
        lossConfig.maxCompletionLength = rl.maxCompletionLength
        lossConfig.temperature = rl.temperature
        let sequences = rollouts.map { TrainingSequence(tokens: $0.prompt + $0.generation.tokens, responseStart: $0.prompt.count) }
        var samples = rollouts.map {
            PolicySample(
                oldLogProbs: $0.generation.logProbs, advantage: Float($0.advantage ?? 0),
                masked: $0.advantage == nil || ($0.generation.truncated && rl.maskTruncatedCompletions) || $0.generation.tokens.isEmpty)
        }
        if rl.beta > 0, let reference = state.reference {
            let batch = TokenBatch(sequences: sequences.map(\.tokens))
            let ref = Losses.responseLogProbs(logits: reference.forward(batch).logits, batch: batch, sequences: sequences, temperature: rl.temperature)
            for i in samples.indices { samples[i].refLogProbs = ref[i] }
        }
        let lr = learningRate(at: state.step)
        let chunk = (rollouts.count + rl.miniBatches - 1) / rl.miniBatches
        var clipped = 0.0, kl = 0.0, counted = 0
        for _ in 0..<rl.numIterations {
            for lo in stride(from: 0, to: rollouts.count, by: chunk) {
                let range = lo..<min(lo + chunk, rollouts.count)
                let seqs = Array(sequences[range])
                let batch = TokenBatch(sequences: seqs.map(\.tokens))
                let (logits, cache) = state.model.forward(batch)
                let (loss, dlogits) = Losses.policy(logits: logits, batch: batch, sequences: seqs, samples: Array(samples[range]), config: lossConfig)
                var grads = ParameterSet(zerosFor: state.model.config)
                state.model.backward(dlogits, cache: cache, grads: &grads)
                stats.gradNorm = clipGradients(&grads, maxNorm: rl.maxGradNorm)
                state.optimizer.update(&state.model.params, grads: grads, lr: lr)
                stats.loss = loss.loss
                clipped += Double(loss.clipFraction) * Double(loss.tokens)
                kl += Double(loss.kl) * Double(loss.tokens)
                counted += loss.tokens
                stats.tokens += batch.batch * batch.seqLen
            }
        }
        stats.clipFraction = clipped / Double(max(counted, 1))
        stats.kl = kl / Double(max(counted, 1))
        return stats
    }

    func metrics(
        step: Int, all: [ScoredRollout], update: UpdateStats, kept: Int, dropped: Int, rounds: Int, sampledTokens: Int, timing: Timing
    ) -> RLStepMetrics {
        let scored = all.filter { $0.result.reward != nil }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        var components: [String: Double] = [:]
        for name in ComponentName.allCases {
            let values = scored.compactMap { $0.result.components[name] }
            if !values.isEmpty { components[name.rawValue] = mean(values) }
        }
        let tokens = all.reduce(0) { $0 + $1.generation.tokens.count }
        let entropy = all.reduce(Float(0)) { $0 + $1.generation.entropySum }
        let lr = learningRate(at: step - 1)
        return RLStepMetrics(
            step: step, reward: mean(scored.compactMap(\.result.reward)), components: components,
            judgeAccuracy: components["judge"] ?? 0, answerAccuracy: components["answer"] ?? 0,
            formatRate: components["format"] ?? 0,
            thinkRate: mean(all.map { $0.result.decision == .think ? 1 : 0 }),
            responseLength: Double(tokens) / Double(max(all.count, 1)), clipFraction: update.clipFraction,
            entropy: Double(entropy) / Double(max(tokens, 1)), kl: update.kl, loss: Double(update.loss),
            gradNorm: Double(update.gradNorm), learningRate: Double(lr), groupsKept: kept, groupsDropped: dropped,
            genBatches: rounds, abstained: all.count - scored.count,
            truncated: all.filter(\.generation.truncated).count, sampledTokens: sampledTokens, trainedTokens: update.tokens,
            timing: timing)
    }
}
