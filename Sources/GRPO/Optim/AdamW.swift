/// AdamW hyper-parameters, named as in TRL/transformers.
public struct AdamWConfig: Sendable, Codable, Equatable {
    /// Peak learning rate.
    public var learningRate: Float
    /// First-moment decay (`adam_beta1`).
    public var beta1: Float = 0.9
    /// Second-moment decay (`adam_beta2`).
    public var beta2: Float = 0.999
    /// `adam_epsilon`.
    public var epsilon: Float = 1e-8
    /// Decoupled weight decay, applied to matrices only (not gains, biases).
    public var weightDecay: Float = 0.0

    /// Settings with defaults for everything but the learning rate.
    public init(learningRate: Float, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }
}

/// Adam with decoupled weight decay; its state is saved in checkpoints.
public struct AdamW: Sendable {
    /// Hyper-parameters.
    public var config: AdamWConfig
    /// First moments.
    public var m: ParameterSet
    /// Second moments.
    public var v: ParameterSet
    /// Updates taken so far (for bias correction).
    public var step: Int = 0

    /// Fresh state for a model shape.
    public init(config: AdamWConfig, model: ModelConfig) {
        self.config = config
        m = ParameterSet(zerosFor: model)
        v = ParameterSet(zerosFor: model)
    }

    /// One update of `params` by `grads` at learning rate `lr`.
    public mutating func update(_ params: inout ParameterSet, grads: ParameterSet, lr: Float) {
        step += 1
        let c = config
        let bc1 = 1 - pow(c.beta1, Float(step))
        let bc2 = 1 - pow(c.beta2, Float(step))
        for i in params.tensors.indices {
            let decay = params.tensors[i].rows > 1 ? c.weightDecay : 0
            params.tensors[i].data.withUnsafeMutableBufferPointer { p in
                m.tensors[i].data.withUnsafeMutableBufferPointer { pm in
                    v.tensors[i].data.withUnsafeMutableBufferPointer { pv in
                        grads.tensors[i].data.withUnsafeBufferPointer { g in
                            for j in 0..<p.count {
                                pm[j] = c.beta1 * pm[j] + (1 - c.beta1) * g[j]
                                pv[j] = c.beta2 * pv[j] + (1 - c.beta2) * g[j] * g[j]
                                let mhat = pm[j] / bc1
                                let vhat = pv[j] / bc2
                                p[j] -= lr * (mhat / (vhat.squareRoot() + c.epsilon) + decay * p[j])
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Scales `grads` so their global norm is at most `maxNorm`; returns the norm before clipping.
@discardableResult
public func clipGradients(_ grads: inout ParameterSet, maxNorm: Float) -> Float {
    let norm = grads.norm()
    if maxNorm > 0, norm > maxNorm, norm.isFinite { grads.scale(by: maxNorm / (norm + 1e-6)) }
    return norm
}

/// Linear warm-up then cosine decay to `minRatio` of the peak.
public func scheduledLearningRate(peak: Float, step: Int, total: Int, warmup: Int, minRatio: Float = 0.1) -> Float {
    if step < warmup { return peak * Float(step + 1) / Float(warmup) }
    let progress = Float(step - warmup) / Float(max(1, total - warmup))
    let cosine = 0.5 * (1 + _cosf(Float.pi * min(1, progress)))
    return peak * (minRatio + (1 - minRatio) * cosine)
}
