@testable import GRPO

/// Central finite differences against analytic gradients, entry by entry.
enum GradientCheck {
    /// Largest relative error over `samples` random entries of each tensor in `inputs`.
    ///
    /// `loss` is evaluated in Double from Float activations, so the step is large (1e-2) and the
    /// relative error uses a floor; a wrong backward gives errors of order 1, a right one ~1e-3.
    static func maxRelativeError(
        inputs: [Matrix], analytic: [Matrix], samples: Int = 12, step: Float = 1e-2,
        loss: ([Matrix]) -> Double
    ) -> Double {
        var rng = RandomStream(seed: 99, stream: "gradcheck")
        var worst = 0.0
        for (i, tensor) in inputs.enumerated() {
            for _ in 0..<min(samples, tensor.count) {
                let j = Int(rng.next() % UInt64(tensor.count))
                var plus = inputs
                plus[i].data[j] += step
                var minus = inputs
                minus[i].data[j] -= step
                let numeric = (loss(plus) - loss(minus)) / (2 * Double(step))
                let exact = Double(analytic[i].data[j])
                let err = abs(numeric - exact) / max(abs(numeric) + abs(exact), 1e-2)
                worst = max(worst, err)
            }
        }
        return worst
    }

    /// A matrix of standard normal values scaled by `scale`.
    static func random(_ rows: Int, _ cols: Int, _ rng: inout RandomStream, scale: Float = 1) -> Matrix {
        Matrix(rows: rows, cols: cols, data: (0..<(rows * cols)).map { _ in rng.nextGaussian() * scale })
    }

    /// `sum(weights * y)` in Double: a loss whose gradient at `y` is `weights`.
    static func dot(_ y: Matrix, _ weights: Matrix) -> Double {
        zip(y.data, weights.data).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    }
}
