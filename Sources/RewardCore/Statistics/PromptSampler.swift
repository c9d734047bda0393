#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `POST /sample` picks prompts.
public enum SamplingStrategy: String, Sendable, Hashable, CaseIterable, Codable {
    /// VADE: Thompson sampling, one success rate drawn from each posterior, the k of highest p(1 - p).
    case vade
    /// MMR1: the k of highest learnability p(1 - p) at the posterior mean (ties by a seeded draw).
    case learnability
    /// k at random.
    case uniform
}

/// One chosen prompt and why.
public struct SampledPrompt: Sendable, Hashable {
    /// The prompt's id.
    public var id: String
    /// The score it was chosen by: the drawn p(1 - p) (vade), the learnability, or the random key (uniform).
    public var score: Double
    /// Its statistics (the prior for a prompt never seen).
    public var statistics: PromptStatistics
}

/// Chooses prompts to roll out next from their statistics; reproducible under a seed.
public enum PromptSampler {
    /// The `k` candidates `strategy` prefers, best first; unknown ids get the prior.
    public static func sample(
        _ candidates: [String], k: Int, strategy: SamplingStrategy, seed: UInt64,
        statistics: [String: PromptStatistics], policy: PromptStatisticsPolicy = PromptStatisticsPolicy()
    ) -> [SampledPrompt] {
        var generator = SplitMix64(seed: seed)
        var scored: [SampledPrompt] = []
        scored.reserveCapacity(candidates.count)
        for id in candidates {
            let stats = statistics[id] ?? PromptStatistics(id: id, prior: policy)
            let score: Double
            switch strategy {
            case .vade:
                let p = generator.beta(stats.alpha, stats.beta)
                score = p * (1 - p)
            case .learnability:
                score = stats.learnability + generator.unit() * 1e-9
            case .uniform:
                score = generator.unit()
            }
            scored.append(SampledPrompt(id: id, score: score, statistics: stats))
        }
        scored.sort { $0.score > $1.score }
        return Array(scored.prefix(max(0, k)))
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }

    /// Standard normal (Box-Muller).
    mutating func normal() -> Double { (-2 * log(unit())).squareRoot() * cos(2 * Double.pi * unit()) }

    /// Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 by the boost u^(1/shape).
    mutating func gamma(_ shape: Double) -> Double {
        if shape < 1 { return gamma(shape + 1) * pow(unit(), 1 / shape) }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v = pow(1 + c * x, 3)
            if v <= 0 { continue }
            if log(unit()) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    /// Beta(a, b) as Ga / (Ga + Gb).
    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(max(a, 1e-6))
        let y = gamma(max(b, 1e-6))
        return x / (x + y)
    }
}
