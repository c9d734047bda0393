import GRPO

/// Times `sgemm` at one shape.
enum GemmProbe {
    /// GFLOP/s of `C(m×n) = A(m×k) B(k×n)` over about `seconds` of repeats.
    static func gflops(m: Int, n: Int, k: Int, seconds: Double) -> Double {
        var rng = RandomStream(seed: 1, stream: "bench")
        let a = Matrix(rows: m, cols: k, data: (0..<(m * k)).map { _ in rng.nextUnit() })
        let b = Matrix(rows: k, cols: n, data: (0..<(k * n)).map { _ in rng.nextUnit() })
        var c = Matrix(rows: m, cols: n)
        Matrix.multiply(a, b, into: &c)  // warm-up
        let clock = ContinuousClock()
        let start = clock.now
        var reps = 0
        while (clock.now - start) < .milliseconds(Int(seconds * 1000)) {
            Matrix.multiply(a, b, into: &c)
            reps += 1
        }
        return 2 * Double(m * n * k) * Double(reps) / (clock.now - start).seconds / 1e9
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
