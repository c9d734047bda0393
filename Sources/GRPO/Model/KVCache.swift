/// Keys and values of every past position, per layer and sequence, for incremental decoding.
struct KVCache: Sendable {
    private let d: Int
    private let maxLen: Int
    private var keys: [[Float]]
    private var values: [[Float]]

    init(config: ModelConfig, batch: Int) {
        d = config.dModel
        maxLen = config.maxLen
        keys = [[Float]](repeating: [Float](repeating: 0, count: batch * config.maxLen * config.dModel), count: config.layers)
        values = keys
    }

    /// Stores this position's keys and values, then attends each row over positions `0...pos`.
    mutating func attend(layer l: Int, qkv: Matrix, rows: [Int], position pos: Int, heads: Int) -> Matrix {
        let hd = d / heads
        let scale = 1 / Float(hd).squareRoot()
        var out = Matrix(rows: rows.count, cols: d)
        var scores = [Float](repeating: 0, count: pos + 1)
        let (d, maxLen) = (self.d, self.maxLen)
        keys[l].withUnsafeMutableBufferPointer { pk in
            values[l].withUnsafeMutableBufferPointer { pv in
                qkv.data.withUnsafeBufferPointer { pq in
                    out.data.withUnsafeMutableBufferPointer { po in
                        for (r, s) in rows.enumerated() {
                            let seq = s * maxLen * d
                            for k in 0..<d {
                                pk[seq + pos * d + k] = pq[r * 3 * d + d + k]
                                pv[seq + pos * d + k] = pq[r * 3 * d + 2 * d + k]
                            }
                            for h in 0..<heads {
                                let q = r * 3 * d + h * hd
                                var m = -Float.infinity
                                for j in 0...pos {
                                    var dot: Float = 0
                                    let kb = seq + j * d + h * hd
                                    for k in 0..<hd { dot += pq[q + k] * pk[kb + k] }
                                    scores[j] = dot * scale
                                    m = max(m, scores[j])
                                }
                                var sum: Float = 0
                                for j in 0...pos {
                                    scores[j] = fexp(scores[j] - m)
                                    sum += scores[j]
                                }
                                let o = r * d + h * hd
                                for j in 0...pos {
                                    let wgt = scores[j] / sum
                                    let vb = seq + j * d + h * hd
                                    for k in 0..<hd { po[o + k] += wgt * pv[vb + k] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
