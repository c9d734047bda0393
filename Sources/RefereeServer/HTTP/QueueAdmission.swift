import NIOConcurrencyHelpers

/// A bounded queue of judge work: admits a request's rollouts while the total waiting stays under the limit.
final class JudgeAdmission: Sendable {
    private let limit: Int
    private let pending = NIOLockedValueBox(0)
    private let metrics: RefereeMetrics

    init(limit: Int, metrics: RefereeMetrics) {
        self.limit = limit
        self.metrics = metrics
    }

    /// Reserves room for `count` rollouts, or returns false when the queue is full.
    /// An empty queue always admits, so one batch larger than the limit is not refused for ever.
    func admit(_ count: Int) -> Bool {
        let depth: Int? = pending.withLockedValue { value in
            guard value == 0 || value + count <= limit else { return nil }
            value += count
            return value
        }
        guard let depth else { return false }
        metrics.judgeQueueDepth.record(depth)
        return true
    }

    /// Releases the room reserved for `count` rollouts.
    func release(_ count: Int) {
        let depth = pending.withLockedValue { value in
            value -= count
            return value
        }
        metrics.judgeQueueDepth.record(depth)
    }
}
