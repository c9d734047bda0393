import CoreMetrics
import Metrics
import Prometheus
import RewardCore

/// The service's metrics, kept in its own Prometheus registry so each application (and each test) has its own.
public struct RefereeMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    private let rolloutsScored: CoreMetrics.Counter
    private let rewardSum: FloatingPointCounter
    private let rewardCount: CoreMetrics.Counter
    private let componentSums: [ComponentName: FloatingPointCounter]
    private let componentCounts: [ComponentName: CoreMetrics.Counter]
    private let cacheHits: CoreMetrics.Counter
    private let cacheMisses: CoreMetrics.Counter
    private let judgeTokens: CoreMetrics.Counter
    /// Rollouts waiting for or in judge work.
    let judgeQueueDepth: CoreMetrics.Gauge
    /// `code` rollouts waiting for or in a sandbox run.
    let codeQueueDepth: CoreMetrics.Gauge
    private let requestSeries: RequestSeries

    /// Creates the metrics in a fresh registry.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10),
            .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
        ]
        self.factory = factory
        rolloutsScored = CoreMetrics.Counter(label: "referee_rollouts_scored_total", factory: factory)
        rewardSum = FloatingPointCounter(label: "referee_reward_sum", factory: factory)
        rewardCount = CoreMetrics.Counter(label: "referee_reward_count", factory: factory)
        var sums: [ComponentName: FloatingPointCounter] = [:]
        var counts: [ComponentName: CoreMetrics.Counter] = [:]
        for component in ComponentName.allCases {
            sums[component] = FloatingPointCounter(label: "referee_component_sum", dimensions: [("component", component.rawValue)], factory: factory)
            counts[component] = CoreMetrics.Counter(label: "referee_component_count", dimensions: [("component", component.rawValue)], factory: factory)
        }
        componentSums = sums
        componentCounts = counts
        cacheHits = CoreMetrics.Counter(label: "referee_verdict_cache_hits_total", factory: factory)
        cacheMisses = CoreMetrics.Counter(label: "referee_verdict_cache_misses_total", factory: factory)
        judgeTokens = CoreMetrics.Counter(label: "referee_judge_tokens_total", factory: factory)
        judgeQueueDepth = CoreMetrics.Gauge(label: "referee_judge_queue_depth", factory: factory)
        codeQueueDepth = CoreMetrics.Gauge(label: "referee_code_queue_depth", factory: factory)
        requestSeries = RequestSeries(factory: factory)
    }

    /// Counts one HTTP request by route and status, with its duration.
    func recordRequest(route: String, status: Int, nanoseconds: Int64) {
        let (counter, timer) = requestSeries.counterAndTimer(route: route, status: status)
        counter.increment()
        timer.recordNanoseconds(nanoseconds)
    }

    /// Accounts scored rollouts: rewards, component means (sum / count), abstentions by cause, cache use.
    public func record(_ results: [RewardResult]) {
        var hits = 0
        var misses = 0
        var tokens = 0
        var rewards = 0.0
        var rewarded = 0
        var abstentions: [ErrorCode: Int] = [:]
        var sums = ComponentMap<Double>()
        var counts = ComponentMap<Int>()
        var custom: [String: (sum: Double, count: Int)] = [:]
        var verdicts: [VerdictCount: Int] = [:]
        var verdictTokens: [String: Int] = [:]
        for result in results {
            for record in result.verdicts {
                verdicts[VerdictCount(kind: record.kind, cached: record.verdict.fromCache), default: 0] += 1
                if !record.verdict.fromCache {
                    verdictTokens[record.kind, default: 0] += record.verdict.promptTokens + record.verdict.completionTokens
                }
            }
            hits += result.cacheHits
            misses += result.cacheMisses
            tokens += result.judgeTokens
            if let reward = result.reward {
                rewards += reward
                rewarded += 1
            } else if let code = result.error?.code {
                abstentions[code, default: 0] += 1
            }
            for (component, value) in result.components {
                sums[component] = (sums[component] ?? 0) + value
                counts[component] = (counts[component] ?? 0) + 1
            }
            for (name, value) in result.customComponents {
                custom[name, default: (0, 0)].sum += value
                custom[name, default: (0, 0)].count += 1
            }
        }
        // One increment per component per batch, not per rollout: each is an atomic operation.
        for (component, count) in counts {
            componentSums[component]?.increment(by: sums[component] ?? 0)
            componentCounts[component]?.increment(by: count)
        }
        rolloutsScored.increment(by: results.count)
        rewardSum.increment(by: rewards)
        rewardCount.increment(by: rewarded)
        if hits > 0 { cacheHits.increment(by: hits) }
        if misses > 0 { cacheMisses.increment(by: misses) }
        if tokens > 0 { judgeTokens.increment(by: tokens) }
        // Custom components by name, beside the built-in ones (their names come from configuration, not the catalogue).
        for (name, total) in custom {
            FloatingPointCounter(label: "referee_component_sum", dimensions: [("component", name)], factory: factory).increment(by: total.sum)
            CoreMetrics.Counter(label: "referee_component_count", dimensions: [("component", name)], factory: factory).increment(by: total.count)
        }
        // Tokens per kind over judged verdicts per kind is the cost of one verdict of that kind.
        for (key, count) in verdicts {
            let dimensions = [("kind", key.kind), ("source", key.cached ? "cache" : "judge")]
            CoreMetrics.Counter(label: "referee_judge_verdicts_total", dimensions: dimensions, factory: factory).increment(by: count)
        }
        for (kind, count) in verdictTokens where count > 0 {
            CoreMetrics.Counter(label: "referee_judge_verdict_tokens_total", dimensions: [("kind", kind)], factory: factory).increment(by: count)
        }
        for (cause, count) in abstentions {
            CoreMetrics.Counter(label: "referee_abstentions_total", dimensions: [("cause", cause.rawValue)], factory: factory).increment(by: count)
        }
    }

    /// Verdicts counted by kind and by where they came from.
    private struct VerdictCount: Hashable {
        var kind: String
        var cached: Bool
    }

    /// The Prometheus text exposition of every metric.
    public func render() -> [UInt8] {
        registry.emitToBuffer()
    }
}
