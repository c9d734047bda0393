import Foundation
import Logging
import NIOConcurrencyHelpers
import RewardCore

/// Logs every abstention and item error at warning level with the request's id and cause, at most once
/// per cause per interval; the lines in between are counted and the count is logged with the next one.
final class AbstentionLog: Sendable {
    private struct Entry {
        var lastLogged: Date
        var suppressed: Int
    }

    private let interval: TimeInterval
    private let entries = NIOLockedValueBox([ErrorCode: Entry]())

    /// Creates a log that speaks at most once per `interval` seconds per cause.
    init(interval: TimeInterval = 1) {
        self.interval = interval
    }

    /// Logs the results without a reward through `logger` (which carries the request id).
    func record(_ results: [RewardResult], logger: Logger, now: Date = Date()) {
        for result in results {
            guard let error = result.error else { continue }
            let suppressed: Int? = entries.withLockedValue { entries in
                var entry = entries[error.code] ?? Entry(lastLogged: .distantPast, suppressed: 0)
                defer { entries[error.code] = entry }
                guard now.timeIntervalSince(entry.lastLogged) >= interval else {
                    entry.suppressed += 1
                    return nil
                }
                let count = entry.suppressed
                entry = Entry(lastLogged: now, suppressed: 0)
                return count
            }
            guard let suppressed else { continue }
            logger.warning("rollout abstained", metadata: [
                "cause": "\(error.code.rawValue)", "rollout": "\(result.id?.text ?? "-")", "message": "\(error.message)",
                "same_cause_not_logged": "\(suppressed)",
            ])
        }
    }
}
