import Testing
@testable import GRPO

@Suite("Gradients of every layer against finite differences")
struct LayerGradientTests {
    let tolerance = 2e-2

    @Test func linear() {
        var rng = RandomStream(seed: 1, stream: "t")
        let x = GradientCheck.random(5, 4, &rng), w = GradientCheck.random(4, 3, &rng), b = GradientCheck.random(1, 3, &rng)
        let dy = GradientCheck.random(5, 3, &rng)
        var grads = ParameterSet(tensors: [Matrix(rows: 4, cols: 3), Matrix(rows: 1, cols: 3)])
        let dx = Layers.linearBackward(dy, x: x, w: w, grads: &grads, dw: 0, db: 1)
        let err = GradientCheck.maxRelativeError(inputs: [x, w, b], analytic: [dx] + grads.tensors) {
            GradientCheck.dot(Layers.linear($0[0], $0[1], $0[2]), dy)
        }
        #expect(err < tolerance)
    }

    @Test func layerNorm() {
        var rng = RandomStream(seed: 2, stream: "t")
        let x = GradientCheck.random(4, 6, &rng), g = GradientCheck.random(1, 6, &rng), b = GradientCheck.random(1, 6, &rng)
        let dy = GradientCheck.random(4, 6, &rng)
        let (_, cache) = Layers.layerNorm(x, g, b)
        var grads = ParameterSet(tensors: [Matrix(rows: 1, cols: 6), Matrix(rows: 1, cols: 6)])
        let dx = Layers.layerNormBackward(dy, cache: cache, g: g, grads: &grads, dg: 0, db: 1)
        let err = GradientCheck.maxRelativeError(inputs: [x, g, b], analytic: [dx] + grads.tensors) {
            GradientCheck.dot(Layers.layerNorm($0[0], $0[1], $0[2]).0, dy)
        }
        #expect(err < tolerance)
    }

    @Test func gelu() {
        var rng = RandomStream(seed: 3, stream: "t")
        let x = GradientCheck.random(3, 7, &rng, scale: 2), dy = GradientCheck.random(3, 7, &rng)
        let dx = Layers.geluBackward(dy, x: x, tanh: Layers.geluKeepingTanh(x).1)
        let err = GradientCheck.maxRelativeError(inputs: [x], analytic: [dx], samples: 21) {
            GradientCheck.dot(Layers.gelu($0[0]), dy)
        }
        #expect(err < tolerance)
    }

    @Test func causalAttention() {
        var rng = RandomStream(seed: 4, stream: "t")
        let (batch, t, heads, d) = (2, 5, 2, 4)
        let qkv = GradientCheck.random(batch * t, 3 * d, &rng)
        let dy = GradientCheck.random(batch * t, d, &rng)
        let (_, cache) = Attention.forward(qkv: qkv, batch: batch, seqLen: t, heads: heads)
        let dqkv = Attention.backward(dy, qkv: qkv, cache: cache, batch: batch, seqLen: t, heads: heads)
        let err = GradientCheck.maxRelativeError(inputs: [qkv], analytic: [dqkv], samples: 60) {
            GradientCheck.dot(Attention.forward(qkv: $0[0], batch: batch, seqLen: t, heads: heads).0, dy)
        }
        #expect(err < tolerance)
    }

    @Test func attentionIsCausal() {
        var rng = RandomStream(seed: 5, stream: "t")
        var qkv = GradientCheck.random(4, 6, &rng)
        let before = Attention.forward(qkv: qkv, batch: 1, seqLen: 4, heads: 1).0
        for c in 0..<6 { qkv[3, c] += 1 }  // change only the last position
        let after = Attention.forward(qkv: qkv, batch: 1, seqLen: 4, heads: 1).0
        #expect(Array(before.data[0..<6]) == Array(after.data[0..<6]))
        #expect(Array(before.data[6..<8]) != Array(after.data[6..<8]))
    }
}
