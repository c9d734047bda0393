import Foundation

/// When and how long to wait before the next attempt at a judge call.
struct RetryPolicy: Sendable {
    var maxRetries: Int
    var baseDelay: Double
    var maxDelay: Double

    /// Exponential backoff with jitter: half the delay is fixed, half random, so synchronised
    /// callers spread out while the delay still grows.
    func backoff(afterAttempt attempt: Int) -> Double {
        let exponential = min(maxDelay, baseDelay * pow(2, Double(attempt)))
        return exponential / 2 + Double.random(in: 0...(exponential / 2))
    }

    /// The wait a `Retry-After` header asks for, in seconds: delta-seconds or an HTTP date.
    static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// Waits between attempts; tests record the waits instead of spending them.
protocol RetrySleeper: Sendable {
    func sleep(seconds: Double) async throws
}

/// Sleeps on the task clock, so a cancelled request stops waiting.
struct TaskSleeper: RetrySleeper {
    func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
