#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Referee knows about one prompt from every scored rollout of it: a Beta posterior of its success
/// rate (VADE), its pass counts and its reward's mean and variance.
public struct PromptStatistics: Sendable, Hashable {
    /// The prompt's id: the rollout's `prompt_id`, else a hash of its prompt.
    public var id: String
    /// Scored rollouts seen.
    public var attempts = 0
    /// Of them, those whose `accuracy` was 1.
    public var successes = 0
    /// Beta posterior: prior plus decayed successes.
    public var alpha: Double
    /// Beta posterior: prior plus decayed failures.
    public var beta: Double
    /// Mean reward (Welford).
    public var rewardMean = 0.0
    /// Sum of squared reward deviations (Welford), for the variance.
    public var rewardSquares = 0.0
    /// Seconds since 1970 of the first and the last update.
    public var firstUpdate: Double
    /// Seconds since 1970 of the last update.
    public var lastUpdate: Double

    /// A prompt never seen: the prior.
    public init(id: String, prior: PromptStatisticsPolicy = PromptStatisticsPolicy(), now: Double = 0) {
        self.id = id
        alpha = prior.priorAlpha
        beta = prior.priorBeta
        firstUpdate = now
        lastUpdate = now
    }

    /// The posterior mean success rate α / (α + β).
    public var passRate: Double { alpha / (alpha + beta) }
    /// MMR1's learnability p(1 - p) at the posterior mean.
    public var learnability: Double { passRate * (1 - passRate) }
    /// The reward's sample variance; 0 below two rewards.
    public var rewardVariance: Double { attempts > 1 ? rewardSquares / Double(attempts - 1) : 0 }

    /// Adds one group's (or batch's) rollouts of this prompt: `accuracies` 0/1 and their rewards.
    /// The posterior first fades toward the prior on two scales (VADE's two-scale decay): once per
    /// update by `visitDecay`, and by half every `halfLifeSeconds` since the last update, so that old
    /// evidence counts less as the policy changes.
    public mutating func update(accuracies: [Double], rewards: [Double], at now: Double, policy: PromptStatisticsPolicy) {
        guard !accuracies.isEmpty || !rewards.isEmpty else { return }
        if attempts == 0 { firstUpdate = now }
        let elapsed = max(0, now - lastUpdate)
        let timeDecay = policy.halfLifeSeconds.map { pow(0.5, elapsed / $0) } ?? 1
        let keep = (attempts == 0 ? 1 : policy.visitDecay) * timeDecay
        alpha = policy.priorAlpha + keep * (alpha - policy.priorAlpha)
        beta = policy.priorBeta + keep * (beta - policy.priorBeta)
        let wins = accuracies.reduce(0, +)
        alpha += wins
        beta += Double(accuracies.count) - wins
        successes += Int(wins.rounded())
        for reward in rewards {
            attempts += 1
            let delta = reward - rewardMean
            rewardMean += delta / Double(attempts)
            rewardSquares += delta * (reward - rewardMean)
        }
        lastUpdate = now
    }
}

/// The prior and decay of prompt statistics.
public struct PromptStatisticsPolicy: Sendable, Hashable {
    /// Beta prior α (pseudo-successes).
    public var priorAlpha = 1.0
    /// Beta prior β (pseudo-failures).
    public var priorBeta = 1.0
    /// The share of the evidence kept at each update (the short scale).
    public var visitDecay = 0.9
    /// Evidence halves every this many seconds without an update (the long scale); nil never fades it.
    public var halfLifeSeconds: Double? = 86_400

    /// Creates the default policy: Beta(1, 1), 0.9 per update, a day's half-life.
    public init() {}
}

/// A stable id for a prompt without `prompt_id`: FNV-1a over its UTF-8 bytes, as 16 hex digits.
public func promptHash(_ prompt: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in prompt.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    let digits = String(hash, radix: 16)
    return "p" + String(repeating: "0", count: 16 - digits.count) + digits
}
