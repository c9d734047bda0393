import CoreMetrics
import NIOConcurrencyHelpers

/// A bounded queue of slow work (judge calls, sandbox runs): admits a request's rollouts while the total
/// waiting stays under the limit.
final class QueueAdmission: Sendable {
    private let limit: Int
    private let pending = NIOLockedValueBox(0)
    private let depth: CoreMetrics.Gauge

    init(limit: Int, depth: CoreMetrics.Gauge) {
        self.limit = limit
        self.depth = depth
    }

    /// Reserves room for `count` rollouts, or returns false when the queue is full.
    /// An empty queue always admits, so one batch larger than the limit is not refused for ever.
    func admit(_ count: Int) -> Bool {
        guard count > 0 else { return true }
        let value: Int? = pending.withLockedValue { value in
            guard value == 0 || value + count <= limit else { return nil }
            value += count
            return value
        }
        guard let value else { return false }
        depth.record(value)
        return true
    }

    /// Releases the room reserved for `count` rollouts.
    func release(_ count: Int) {
        guard count > 0 else { return }
        let value = pending.withLockedValue { value in
            value -= count
            return value
        }
        depth.record(value)
    }
}
