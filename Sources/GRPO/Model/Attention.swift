/// Causal multi-head self-attention over a fused QKV matrix.
///
/// Rows are `batch * seqLen` tokens; each row of `qkv` holds `[q | k | v]`, heads side by side.
/// Right padding needs no mask: causal attention never lets a real token see a later pad.
public enum Attention {
    /// Softmax probabilities kept for the backward pass, `batch * heads` blocks of `T×T`.
    public struct Cache: Sendable {
        var probs: [Float]
    }

    /// Attention output (n×d) for `qkv` (n×3d).
    public static func forward(qkv: Matrix, batch: Int, seqLen t: Int, heads: Int) -> (Matrix, Cache) {
        let d = qkv.cols / 3
        let hd = d / heads
        let scale = 1 / Float(hd).squareRoot()
        var out = Matrix(rows: qkv.rows, cols: d)
        var probs = [Float](repeating: 0, count: batch * heads * t * t)
        qkv.data.withUnsafeBufferPointer { pq in
            out.data.withUnsafeMutableBufferPointer { po in
                probs.withUnsafeMutableBufferPointer { pp in
                    for b in 0..<batch {
                        for h in 0..<heads {
                            let base = pq.baseAddress! + b * t * 3 * d + h * hd
                            let s = pp.baseAddress! + (b * heads + h) * t * t
                            sgemm(
                                transA: false, transB: true, m: t, n: t, k: hd, alpha: scale,
                                a: base, lda: 3 * d, b: base + d, ldb: 3 * d, c: s, ldc: t)
                            causalSoftmax(s, t)
                            sgemm(
                                transA: false, transB: false, m: t, n: hd, k: t,
                                a: s, lda: t, b: base + 2 * d, ldb: 3 * d,
                                c: po.baseAddress! + b * t * d + h * hd, ldc: d)
                        }
                    }
                }
            }
        }
        return (out, Cache(probs: probs))
    }

    /// Gradient with respect to `qkv` given the output gradient `dout` (n×d).
    public static func backward(
        _ dout: Matrix, qkv: Matrix, cache: Cache, batch: Int, seqLen t: Int, heads: Int
    ) -> Matrix {
        let d = qkv.cols / 3
        let hd = d / heads
        let scale = 1 / Float(hd).squareRoot()
        var dqkv = Matrix(rows: qkv.rows, cols: 3 * d)
        var dp = [Float](repeating: 0, count: t * t)
        qkv.data.withUnsafeBufferPointer { pq in
            dout.data.withUnsafeBufferPointer { pdo in
                dqkv.data.withUnsafeMutableBufferPointer { pdq in
                    cache.probs.withUnsafeBufferPointer { pp in
                        dp.withUnsafeMutableBufferPointer { pdp in
                            for b in 0..<batch {
                                for h in 0..<heads {
                                    let q = pq.baseAddress! + b * t * 3 * d + h * hd
                                    let dq = pdq.baseAddress! + b * t * 3 * d + h * hd
                                    let p = pp.baseAddress! + (b * heads + h) * t * t
                                    let dO = pdo.baseAddress! + b * t * d + h * hd
                                    let ds = pdp.baseAddress!
                                    // dP = dO V^T ; dV = P^T dO
                                    sgemm(
                                        transA: false, transB: true, m: t, n: t, k: hd,
                                        a: dO, lda: d, b: q + 2 * d, ldb: 3 * d, c: ds, ldc: t)
                                    sgemm(
                                        transA: true, transB: false, m: t, n: hd, k: t,
                                        a: p, lda: t, b: dO, ldb: d, c: dq + 2 * d, ldc: 3 * d)
                                    softmaxBackward(probs: p, grad: ds, t)
                                    // dQ = dS K * scale ; dK = dS^T Q * scale
                                    sgemm(
                                        transA: false, transB: false, m: t, n: hd, k: t, alpha: scale,
                                        a: ds, lda: t, b: q + d, ldb: 3 * d, c: dq, ldc: 3 * d)
                                    sgemm(
                                        transA: true, transB: false, m: t, n: hd, k: t, alpha: scale,
                                        a: ds, lda: t, b: q, ldb: 3 * d, c: dq + d, ldc: 3 * d)
                                }
                            }
                        }
                    }
                }
            }
        }
        return dqkv
    }

    /// Row-wise softmax of a `T×T` score block with the upper triangle masked to zero.
    static func causalSoftmax(_ s: UnsafeMutablePointer<Float>, _ t: Int) {
        for i in 0..<t {
            let row = s + i * t
            var m = -Float.infinity
            for j in 0...i { m = max(m, row[j]) }
            var sum: Float = 0
            for j in 0...i {
                let e = fexp(row[j] - m)
                row[j] = e
                sum += e
            }
            let inv = 1 / sum
            for j in 0...i { row[j] *= inv }
            for j in (i + 1)..<max(t, i + 1) { row[j] = 0 }
        }
    }

    /// Turns `dP` into `dS` in place: `dS = P * (dP - rowsum(dP * P))`.
    static func softmaxBackward(probs p: UnsafePointer<Float>, grad g: UnsafeMutablePointer<Float>, _ t: Int) {
        for i in 0..<t {
            var dot: Float = 0
            for j in 0...i { dot += g[i * t + j] * p[i * t + j] }
            for j in 0..<t { g[i * t + j] = p[i * t + j] * (g[i * t + j] - dot) }
        }
    }
}
