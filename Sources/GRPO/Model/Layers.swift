/// Forward and backward passes of the transformer's layers, each a pure function over matrices.
///
/// Backward functions accumulate into parameter gradients (`+=`) and overwrite input gradients,
/// so one gradient buffer serves a whole batch.
public enum Layers {
    // MARK: Linear

    /// `y = x W + b` for `x` (n×in), `W` (in×out), `b` (1×out).
    public static func linear(_ x: Matrix, _ w: Matrix, _ b: Matrix) -> Matrix {
        var y = Matrix(rows: x.rows, cols: w.cols)
        y.data.withUnsafeMutableBufferPointer { py in
            for r in 0..<x.rows {
                for c in 0..<w.cols { py[r * w.cols + c] = b.data[c] }
            }
        }
        Matrix.multiply(x, w, into: &y, accumulate: true)
        return y
    }

    /// Gradients of `linear`: accumulates into `grads.tensors[dw]` and `[db]`; returns `dx`.
    public static func linearBackward(
        _ dy: Matrix, x: Matrix, w: Matrix, grads: inout ParameterSet, dw: Int, db: Int
    ) -> Matrix {
        Matrix.multiply(x, dy, transposeA: true, into: &grads.tensors[dw], accumulate: true)
        grads.tensors[db].data.withUnsafeMutableBufferPointer { pdb in
            dy.data.withUnsafeBufferPointer { pdy in
                for r in 0..<dy.rows {
                    for c in 0..<dy.cols { pdb[c] += pdy[r * dy.cols + c] }
                }
            }
        }
        var dx = Matrix(rows: x.rows, cols: x.cols)
        Matrix.multiply(dy, w, transposeB: true, into: &dx)
        return dx
    }

    // MARK: Layer norm

    /// What `layerNormBackward` needs from the forward pass.
    public struct NormCache: Sendable {
        var xhat: Matrix
        var rstd: [Float]
    }

    /// Layer norm over each row with gain `g` and bias `b` (both 1×d).
    public static func layerNorm(_ x: Matrix, _ g: Matrix, _ b: Matrix) -> (Matrix, NormCache) {
        let d = x.cols
        var y = Matrix(rows: x.rows, cols: d)
        var xhat = Matrix(rows: x.rows, cols: d)
        var rstd = [Float](repeating: 0, count: x.rows)
        x.data.withUnsafeBufferPointer { px in
            for r in 0..<x.rows {
                let row = r * d
                var mean: Float = 0
                for c in 0..<d { mean += px[row + c] }
                mean /= Float(d)
                var variance: Float = 0
                for c in 0..<d {
                    let v = px[row + c] - mean
                    variance += v * v
                }
                let s = 1 / (variance / Float(d) + 1e-5).squareRoot()
                rstd[r] = s
                for c in 0..<d {
                    let h = (px[row + c] - mean) * s
                    xhat.data[row + c] = h
                    y.data[row + c] = h * g.data[c] + b.data[c]
                }
            }
        }
        return (y, NormCache(xhat: xhat, rstd: rstd))
    }

    /// Gradients of `layerNorm`: accumulates into `grads.tensors[dg]` and `[db]`; returns `dx`.
    public static func layerNormBackward(
        _ dy: Matrix, cache: NormCache, g: Matrix, grads: inout ParameterSet, dg dgIndex: Int, db dbIndex: Int
    ) -> Matrix {
        let d = dy.cols
        var dx = Matrix(rows: dy.rows, cols: d)
        var dg = Matrix(rows: 1, cols: d)
        var db = Matrix(rows: 1, cols: d)
        defer {
            for c in 0..<d {
                grads.tensors[dgIndex].data[c] += dg.data[c]
                grads.tensors[dbIndex].data[c] += db.data[c]
            }
        }
        for r in 0..<dy.rows {
            let row = r * d
            var meanDh: Float = 0
            var meanDhX: Float = 0
            for c in 0..<d {
                let gy = dy.data[row + c]
                let h = cache.xhat.data[row + c]
                dg.data[c] += gy * h
                db.data[c] += gy
                let dh = gy * g.data[c]
                meanDh += dh
                meanDhX += dh * h
            }
            meanDh /= Float(d)
            meanDhX /= Float(d)
            let s = cache.rstd[r]
            for c in 0..<d {
                let dh = dy.data[row + c] * g.data[c]
                dx.data[row + c] = s * (dh - meanDh - cache.xhat.data[row + c] * meanDhX)
            }
        }
        return dx
    }

    // MARK: GELU

    private static let geluC: Float = 0.797_884_56  // sqrt(2/pi)

    /// GELU, tanh approximation, elementwise.
    public static func gelu(_ x: Matrix) -> Matrix { geluKeepingTanh(x).0 }

    /// GELU and the tanh of each element, which the backward pass reuses instead of recomputing.
    public static func geluKeepingTanh(_ x: Matrix) -> (Matrix, Matrix) {
        var y = x
        var t = Matrix(rows: x.rows, cols: x.cols)
        y.data.withUnsafeMutableBufferPointer { p in
            t.data.withUnsafeMutableBufferPointer { pt in
                for i in 0..<p.count {
                    let v = p[i]
                    let th = ftanh(geluC * (v + 0.044715 * v * v * v))
                    pt[i] = th
                    p[i] = 0.5 * v * (1 + th)
                }
            }
        }
        return (y, t)
    }

    /// Gradient of `gelu` at its input `x`, given the tanh values from `geluKeepingTanh`.
    public static func geluBackward(_ dy: Matrix, x: Matrix, tanh: Matrix) -> Matrix {
        var dx = dy
        x.data.withUnsafeBufferPointer { px in
            tanh.data.withUnsafeBufferPointer { pt in
                dx.data.withUnsafeMutableBufferPointer { pd in
                    for i in 0..<pd.count {
                        let v = px[i]
                        let t = pt[i]
                        let du = geluC * (1 + 3 * 0.044715 * v * v)
                        pd[i] *= 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du
                    }
                }
            }
        }
        return dx
    }
}
