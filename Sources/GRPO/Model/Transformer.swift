/// A right-padded batch of token sequences, `batch` rows of `seqLen` tokens.
public struct TokenBatch: Sendable {
    /// Number of sequences.
    public var batch: Int
    /// Padded length of every sequence.
    public var seqLen: Int
    /// Tokens, row-major `batch * seqLen`; padding is any valid id (it is never attended to).
    public var tokens: [Int]

    /// Pads `sequences` on the right with `pad` to their longest length.
    public init(sequences: [[Int]], pad: Int = 0) {
        batch = sequences.count
        seqLen = sequences.map(\.count).max() ?? 0
        tokens = []
        tokens.reserveCapacity(batch * seqLen)
        for s in sequences { tokens += s + [Int](repeating: pad, count: seqLen - s.count) }
    }
}

/// The decoder-only transformer: embeddings, pre-norm blocks, final norm, untied output head.
public struct Transformer: Sendable {
    /// Shape.
    public let config: ModelConfig
    /// Weights, in `ParamIndex` order.
    public var params: ParameterSet

    /// Random initialisation in the GPT-2 manner (residual projections scaled by depth).
    public init(config: ModelConfig, rng: inout RandomStream) {
        self.config = config
        params = ParameterSet(zerosFor: config)
        let std: Float = 0.02
        let residualStd = std / Float(2 * config.layers).squareRoot()
        func fill(_ i: Int, _ s: Float) {
            for j in params.tensors[i].data.indices { params.tensors[i].data[j] = rng.nextGaussian() * s }
        }
        fill(ParamIndex.tokenEmbedding, std)
        fill(ParamIndex.positionEmbedding, std)
        for l in 0..<config.layers {
            for k in [ParamIndex.ln1g, ParamIndex.ln2g] {
                params.tensors[ParamIndex.block(l, k)].data = [Float](repeating: 1, count: config.dModel)
            }
            fill(ParamIndex.block(l, ParamIndex.wqkv), std)
            fill(ParamIndex.block(l, ParamIndex.w1), std)
            fill(ParamIndex.block(l, ParamIndex.wo), residualStd)
            fill(ParamIndex.block(l, ParamIndex.w2), residualStd)
        }
        params.tensors[ParamIndex.lnFg(config)].data = [Float](repeating: 1, count: config.dModel)
        fill(ParamIndex.head(config), std)
    }

    /// A model over given weights (from a checkpoint).
    public init(config: ModelConfig, params: ParameterSet) {
        self.config = config
        self.params = params
    }

    /// Activations one block keeps for its backward pass.
    struct BlockCache: Sendable {
        var ln1: Layers.NormCache, h1: Matrix, qkv: Matrix, attn: Attention.Cache, att: Matrix
        var ln2: Layers.NormCache, h2: Matrix, pre: Matrix, act: Matrix, tanh: Matrix
    }

    /// Everything `backward` needs from `forward`.
    public struct ForwardCache: Sendable {
        let batch: TokenBatch
        var blocks: [BlockCache]
        var lnF: Layers.NormCache
        var hF: Matrix
    }

    /// Logits (batch*seqLen × vocab) and the activations for `backward`.
    public func forward(_ batch: TokenBatch) -> (logits: Matrix, cache: ForwardCache) {
        let c = config
        let p = params.tensors
        var x = embed(batch)
        var blocks: [BlockCache] = []
        blocks.reserveCapacity(c.layers)
        for l in 0..<c.layers {
            let w = { (k: Int) in p[ParamIndex.block(l, k)] }
            let (h1, ln1) = Layers.layerNorm(x, w(ParamIndex.ln1g), w(ParamIndex.ln1b))
            let qkv = Layers.linear(h1, w(ParamIndex.wqkv), w(ParamIndex.bqkv))
            let (att, attn) = Attention.forward(qkv: qkv, batch: batch.batch, seqLen: batch.seqLen, heads: c.heads)
            x.add(Layers.linear(att, w(ParamIndex.wo), w(ParamIndex.bo)))
            let (h2, ln2) = Layers.layerNorm(x, w(ParamIndex.ln2g), w(ParamIndex.ln2b))
            let pre = Layers.linear(h2, w(ParamIndex.w1), w(ParamIndex.b1))
            let (act, tanh) = Layers.geluKeepingTanh(pre)
            x.add(Layers.linear(act, w(ParamIndex.w2), w(ParamIndex.b2)))
            blocks.append(BlockCache(ln1: ln1, h1: h1, qkv: qkv, attn: attn, att: att, ln2: ln2, h2: h2, pre: pre, act: act, tanh: tanh))
        }
        let (hF, lnF) = Layers.layerNorm(x, p[ParamIndex.lnFg(c)], p[ParamIndex.lnFb(c)])
        let logits = Layers.linear(hF, p[ParamIndex.head(c)], p[ParamIndex.headBias(c)])
        return (logits, ForwardCache(batch: batch, blocks: blocks, lnF: lnF, hF: hF))
    }

    /// Accumulates parameter gradients for the loss whose gradient at the logits is `dlogits`.
    public func backward(_ dlogits: Matrix, cache: ForwardCache, grads: inout ParameterSet) {
        let c = config
        let p = params.tensors
        var dh = Layers.linearBackward(
            dlogits, x: cache.hF, w: p[ParamIndex.head(c)], grads: &grads,
            dw: ParamIndex.head(c), db: ParamIndex.headBias(c))
        var dx = Layers.layerNormBackward(
            dh, cache: cache.lnF, g: p[ParamIndex.lnFg(c)], grads: &grads,
            dg: ParamIndex.lnFg(c), db: ParamIndex.lnFb(c))
        for l in stride(from: c.layers - 1, through: 0, by: -1) {
            let i = { (k: Int) in ParamIndex.block(l, k) }
            let b = cache.blocks[l]
            dh = Layers.linearBackward(dx, x: b.act, w: p[i(ParamIndex.w2)], grads: &grads, dw: i(ParamIndex.w2), db: i(ParamIndex.b2))
            dh = Layers.geluBackward(dh, x: b.pre, tanh: b.tanh)
            dh = Layers.linearBackward(dh, x: b.h2, w: p[i(ParamIndex.w1)], grads: &grads, dw: i(ParamIndex.w1), db: i(ParamIndex.b1))
            dx.add(Layers.layerNormBackward(dh, cache: b.ln2, g: p[i(ParamIndex.ln2g)], grads: &grads, dg: i(ParamIndex.ln2g), db: i(ParamIndex.ln2b)))
            dh = Layers.linearBackward(dx, x: b.att, w: p[i(ParamIndex.wo)], grads: &grads, dw: i(ParamIndex.wo), db: i(ParamIndex.bo))
            dh = Attention.backward(dh, qkv: b.qkv, cache: b.attn, batch: cache.batch.batch, seqLen: cache.batch.seqLen, heads: c.heads)
            dh = Layers.linearBackward(dh, x: b.h1, w: p[i(ParamIndex.wqkv)], grads: &grads, dw: i(ParamIndex.wqkv), db: i(ParamIndex.bqkv))
            dx.add(Layers.layerNormBackward(dh, cache: b.ln1, g: p[i(ParamIndex.ln1g)], grads: &grads, dg: i(ParamIndex.ln1g), db: i(ParamIndex.ln1b)))
        }
        embedBackward(dx, batch: cache.batch, grads: &grads)
    }

    private func embed(_ batch: TokenBatch) -> Matrix {
        let d = config.dModel
        let tok = params.tensors[ParamIndex.tokenEmbedding].data
        let pos = params.tensors[ParamIndex.positionEmbedding].data
        var x = Matrix(rows: batch.batch * batch.seqLen, cols: d)
        for r in 0..<x.rows {
            let id = batch.tokens[r]
            let t = r % batch.seqLen
            for k in 0..<d { x.data[r * d + k] = tok[id * d + k] + pos[t * d + k] }
        }
        return x
    }

    private func embedBackward(_ dx: Matrix, batch: TokenBatch, grads: inout ParameterSet) {
        let d = config.dModel
        for r in 0..<dx.rows {
            let id = batch.tokens[r]
            let t = r % batch.seqLen
            for k in 0..<d {
                grads.tensors[ParamIndex.tokenEmbedding].data[id * d + k] += dx.data[r * d + k]
                grads.tensors[ParamIndex.positionEmbedding].data[t * d + k] += dx.data[r * d + k]
            }
        }
    }
}

extension Matrix {
    /// Elementwise `self += other`.
    public mutating func add(_ other: Matrix) {
        precondition(count == other.count, "shapes differ")
        data.withUnsafeMutableBufferPointer { p in
            other.data.withUnsafeBufferPointer { q in
                for i in 0..<p.count { p[i] += q[i] }
            }
        }
    }
}
