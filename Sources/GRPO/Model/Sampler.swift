/// How to pick the next token.
public struct SamplingParams: Sendable, Codable, Equatable {
    /// Softmax temperature; ignored when `greedy`.
    public var temperature: Float
    /// Nucleus mass kept; 1 keeps the whole distribution.
    public var topP: Float
    /// Longest response, in tokens, EOS included.
    public var maxNewTokens: Int
    /// Always take the most likely token.
    public var greedy: Bool

    /// Sampling settings.
    public init(temperature: Float = 1, topP: Float = 1, maxNewTokens: Int, greedy: Bool = false) {
        self.temperature = temperature
        self.topP = topP
        self.maxNewTokens = maxNewTokens
        self.greedy = greedy
    }
}

/// One sampled response and what the policy-gradient loss needs from sampling time.
public struct Generation: Sendable {
    /// The response tokens, EOS included when it was produced.
    public var tokens: [Int]
    /// Log-probability of each token under the sampling policy (old log-probs).
    public var logProbs: [Float]
    /// Summed entropy of the sampling distributions, for the metric.
    public var entropySum: Float
    /// The response hit `maxNewTokens` without EOS.
    public var truncated: Bool
}

/// Batched autoregressive sampling with a key/value cache.
///
/// All sequences advance one position per step; a sequence still inside its prompt is fed its
/// next prompt token, so prompts of different lengths need no padding.
public struct Sampler: Sendable {
    /// The policy.
    public let model: Transformer

    /// A sampler over `model`.
    public init(model: Transformer) { self.model = model }

    /// Continues each prompt (BOS first) until EOS or `params.maxNewTokens`.
    public func generate(prompts: [[Int]], params: SamplingParams, rng: inout RandomStream) -> [Generation] {
        let c = model.config
        let b = prompts.count
        let limit = min(c.maxLen, (prompts.map(\.count).max() ?? 0) + params.maxNewTokens)
        var cache = KVCache(config: c, batch: b)
        var out = [Generation](repeating: Generation(tokens: [], logProbs: [], entropySum: 0, truncated: false), count: b)
        var next = prompts.map { $0[0] }
        var done = [Bool](repeating: false, count: b)
        let invT = params.greedy ? 1 : 1 / params.temperature
        for pos in 0..<(limit - 1) {
            let active = (0..<b).filter { !done[$0] }
            if active.isEmpty { break }
            let logits = step(tokens: active.map { next[$0] }, rows: active, position: pos, cache: &cache)
            for (r, s) in active.enumerated() {
                if pos + 1 < prompts[s].count {
                    next[s] = prompts[s][pos + 1]
                    continue
                }
                var logp = (0..<c.vocabSize).map { logits[r, $0] * invT }
                Sampler.logSoftmaxInPlace(&logp)
                var entropy: Float = 0
                for v in logp { entropy -= fexp(v) * v }
                let token = params.greedy ? Sampler.argmax(logp) : Sampler.nucleus(logp, topP: params.topP, rng: &rng)
                out[s].tokens.append(token)
                out[s].logProbs.append(logp[token])
                out[s].entropySum += entropy
                next[s] = token
                if token == Tokenizer.eos {
                    done[s] = true
                } else if out[s].tokens.count >= params.maxNewTokens || pos + 2 >= limit {
                    done[s] = true
                    out[s].truncated = true
                }
            }
        }
        return out
    }

    /// One decoding position for the sequences `rows` (indices into the cache).
    func step(tokens: [Int], rows: [Int], position pos: Int, cache: inout KVCache) -> Matrix {
        let c = model.config
        let p = model.params.tensors
        let d = c.dModel
        var x = Matrix(rows: rows.count, cols: d)
        let tok = p[ParamIndex.tokenEmbedding].data
        let posE = p[ParamIndex.positionEmbedding].data
        for r in 0..<rows.count {
            for k in 0..<d { x.data[r * d + k] = tok[tokens[r] * d + k] + posE[pos * d + k] }
        }
        for l in 0..<c.layers {
            let w = { (k: Int) in p[ParamIndex.block(l, k)] }
            let h1 = Layers.layerNorm(x, w(ParamIndex.ln1g), w(ParamIndex.ln1b)).0
            let qkv = Layers.linear(h1, w(ParamIndex.wqkv), w(ParamIndex.bqkv))
            let att = cache.attend(layer: l, qkv: qkv, rows: rows, position: pos, heads: c.heads)
            x.add(Layers.linear(att, w(ParamIndex.wo), w(ParamIndex.bo)))
            let h2 = Layers.layerNorm(x, w(ParamIndex.ln2g), w(ParamIndex.ln2b)).0
            let act = Layers.gelu(Layers.linear(h2, w(ParamIndex.w1), w(ParamIndex.b1)))
            x.add(Layers.linear(act, w(ParamIndex.w2), w(ParamIndex.b2)))
        }
        let hF = Layers.layerNorm(x, p[ParamIndex.lnFg(c)], p[ParamIndex.lnFb(c)]).0
        return Layers.linear(hF, p[ParamIndex.head(c)], p[ParamIndex.headBias(c)])
    }

    /// Replaces logits by log-probabilities; returns the log normaliser.
    @discardableResult
    static func logSoftmaxInPlace(_ v: inout [Float]) -> Float {
        let m = v.max() ?? 0
        var s: Float = 0
        for x in v { s += fexp(x - m) }
        let logZ = m + flog(s)
        for i in v.indices { v[i] -= logZ }
        return logZ
    }

    static func argmax(_ v: [Float]) -> Int {
        var best = 0
        for i in v.indices where v[i] > v[best] { best = i }
        return best
    }

    /// Samples from the smallest set of tokens whose probability reaches `topP`.
    static func nucleus(_ logProbs: [Float], topP: Float, rng: inout RandomStream) -> Int {
        var order = Array(logProbs.indices)
        var kept = order.count
        if topP < 1 {
            order.sort { logProbs[$0] > logProbs[$1] }
            var mass: Float = 0
            for (i, t) in order.enumerated() {
                mass += fexp(logProbs[t])
                if mass >= topP { kept = i + 1; break }
            }
        }
        let total = order.prefix(kept).reduce(Float(0)) { $0 + fexp(logProbs[$1]) }
        var u = rng.nextUnit() * total
        for t in order.prefix(kept) {
            u -= fexp(logProbs[t])
            if u <= 0 { return t }
        }
        return order[kept - 1]
    }
}
