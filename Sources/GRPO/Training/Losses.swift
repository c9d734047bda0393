/// A token sequence whose tail, from `responseStart`, is the part that is trained on.
public struct TrainingSequence: Sendable {
    /// BOS, prompt, response.
    public var tokens: [Int]
    /// Index of the first response token.
    public var responseStart: Int

    /// A sequence; `responseStart` must be at least 1 (BOS is never a target).
    public init(tokens: [Int], responseStart: Int) {
        self.tokens = tokens
        self.responseStart = responseStart
    }

    /// Number of response tokens.
    public var responseLength: Int { tokens.count - responseStart }
}

/// How per-token policy losses become one number (TRL `loss_type`, verl `loss_agg_mode`).
public enum LossAggregation: String, Sendable, Codable, CaseIterable {
    /// Mean over each sequence's tokens, then over sequences (`seq-mean-token-mean`).
    case grpo
    /// Mean over all tokens of the batch (`token-mean`), DAPO's token-level loss.
    case dapo
    /// Sum over tokens divided by sequences times the maximum completion length (Dr. GRPO).
    case drGRPO = "dr_grpo"
}

/// Per-sequence inputs to the clipped surrogate.
public struct PolicySample: Sendable {
    /// Log-probs of the response tokens at sampling time.
    public var oldLogProbs: [Float]
    /// Group-relative advantage of the whole response.
    public var advantage: Float
    /// Reference-model log-probs for the KL term, when `beta > 0`.
    public var refLogProbs: [Float]?
    /// Excluded from the loss (a truncated completion under `mask_truncated_completions`).
    public var masked: Bool

    /// A sample.
    public init(oldLogProbs: [Float], advantage: Float, refLogProbs: [Float]? = nil, masked: Bool = false) {
        self.oldLogProbs = oldLogProbs
        self.advantage = advantage
        self.refLogProbs = refLogProbs
        self.masked = masked
    }
}

/// Knobs of the DAPO surrogate, named as in TRL (`epsilon`, `epsilon_high`, `beta`).
public struct PolicyLossConfig: Sendable, Codable, Equatable {
    /// Lower clip range (`clip_ratio_low`).
    public var epsilonLow: Float = 0.2
    /// Upper clip range (`clip_ratio_high`); DAPO's clip-higher.
    public var epsilonHigh: Float = 0.28
    /// KL (k3) coefficient; 0 disables the reference model.
    public var beta: Float = 0
    /// Aggregation mode.
    public var aggregation: LossAggregation = .dapo
    /// Divisor of `dr_grpo`.
    public var maxCompletionLength: Int = 64
    /// Sampling temperature; log-probs are of `softmax(logits / temperature)`.
    public var temperature: Float = 1

    /// Defaults as in DAPO.
    public init() {}
}

/// Statistics of one policy-loss evaluation.
public struct PolicyLossStats: Sendable {
    /// Loss value.
    public var loss: Float
    /// Fraction of tokens whose ratio was clipped.
    public var clipFraction: Float
    /// Mean k3 KL to the reference (0 without one).
    public var kl: Float
    /// Tokens that contributed.
    public var tokens: Int
}

/// Losses and their gradients at the logits.
public enum Losses {
    /// Mean next-token cross-entropy over response tokens, and its gradient.
    public static func crossEntropy(logits: Matrix, batch: TokenBatch, sequences: [TrainingSequence]) -> (loss: Float, dlogits: Matrix) {
        let total = sequences.reduce(0) { $0 + $1.responseLength }
        var dlogits = Matrix(rows: logits.rows, cols: logits.cols)
        var loss: Double = 0
        forEachTarget(batch: batch, sequences: sequences) { _, row, target, _ in
            let (logp, probs) = logSoftmaxRow(logits, row, invT: 1)
            loss -= Double(logp[target])
            let w = 1 / Float(total)
            for v in 0..<logits.cols { dlogits[row, v] = w * probs[v] }
            dlogits[row, target] -= w
        }
        return (Float(loss / Double(max(total, 1))), dlogits)
    }

    /// The clipped surrogate (plus optional k3 KL), aggregated per `config`, and its gradient.
    public static func policy(
        logits: Matrix, batch: TokenBatch, sequences: [TrainingSequence], samples: [PolicySample],
        config: PolicyLossConfig
    ) -> (stats: PolicyLossStats, dlogits: Matrix) {
        let live = sequences.indices.filter { !samples[$0].masked }
        let tokens = live.reduce(0) { $0 + sequences[$1].responseLength }
        var dlogits = Matrix(rows: logits.rows, cols: logits.cols)
        var loss: Double = 0
        var clipped = 0
        var klSum: Double = 0
        let invT = 1 / config.temperature
        forEachTarget(batch: batch, sequences: sequences) { s, row, target, k in
            let sample = samples[s]
            if sample.masked { return }
            let weight: Float =
                switch config.aggregation {
                case .dapo: 1 / Float(max(tokens, 1))
                case .grpo: 1 / Float(sequences[s].responseLength * live.count)
                case .drGRPO: 1 / Float(config.maxCompletionLength * live.count)
                }
            let (logp, probs) = logSoftmaxRow(logits, row, invT: invT)
            let new = logp[target]
            let ratio = fexp(new - sample.oldLogProbs[k])
            let a = sample.advantage
            let clippedRatio = min(max(ratio, 1 - config.epsilonLow), 1 + config.epsilonHigh)
            let unclippedTerm = ratio * a
            let clippedTerm = clippedRatio * a
            var dNew: Float = 0
            if unclippedTerm <= clippedTerm {
                loss -= Double(weight * unclippedTerm)
                dNew = -weight * a * ratio
            } else {
                loss -= Double(weight * clippedTerm)
                clipped += 1
            }
            if config.beta > 0, let ref = sample.refLogProbs?[k] {
                let diff = ref - new
                let kl = fexp(diff) - diff - 1
                klSum += Double(kl)
                loss += Double(weight * config.beta * kl)
                dNew += weight * config.beta * (1 - fexp(diff))
            }
            // d logp[target] / d logits = invT * (onehot - p)
            for v in 0..<logits.cols { dlogits[row, v] = -dNew * invT * probs[v] }
            dlogits[row, target] += dNew * invT
        }
        let stats = PolicyLossStats(
            loss: Float(loss), clipFraction: Float(clipped) / Float(max(tokens, 1)),
            kl: Float(klSum / Double(max(tokens, 1))), tokens: tokens)
        return (stats, dlogits)
    }

    /// Calls `body(sequence, logitsRow, targetToken, responseIndex)` for every response token.
    static func forEachTarget(batch: TokenBatch, sequences: [TrainingSequence], _ body: (Int, Int, Int, Int) -> Void) {
        for (s, seq) in sequences.enumerated() {
            for (k, t) in (seq.responseStart..<seq.tokens.count).enumerated() {
                body(s, s * batch.seqLen + t - 1, seq.tokens[t], k)
            }
        }
    }

    /// Log-softmax and softmax of one logits row scaled by `invT`.
    static func logSoftmaxRow(_ logits: Matrix, _ row: Int, invT: Float) -> ([Float], [Float]) {
        var v = (0..<logits.cols).map { logits[row, $0] * invT }
        Sampler.logSoftmaxInPlace(&v)
        return (v, v.map(fexp))
    }

    /// Log-probs of each sequence's response tokens (for old or reference log-probs).
    public static func responseLogProbs(logits: Matrix, batch: TokenBatch, sequences: [TrainingSequence], temperature: Float) -> [[Float]] {
        var out = sequences.map { [Float](repeating: 0, count: $0.responseLength) }
        forEachTarget(batch: batch, sequences: sequences) { s, row, target, k in
            out[s][k] = logSoftmaxRow(logits, row, invT: 1 / temperature).0[target]
        }
        return out
    }
}
