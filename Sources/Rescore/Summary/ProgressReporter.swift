/// Progress on standard error: on a terminal a line rewritten in place a few times a second;
/// otherwise (a log file, CI) a plain line every `plainInterval`.
public struct ProgressReporter {
    /// How progress is shown.
    public enum Mode: String, Sendable, CaseIterable {
        /// A `\r`-updated line.
        case terminal
        /// A plain line every ten seconds.
        case plain
        /// Nothing.
        case off
    }

    /// How progress is shown.
    public let mode: Mode
    /// Seconds between plain lines.
    public var plainInterval: Duration = .seconds(10)
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var last: ContinuousClock.Instant
    private let emit: (String) -> Void
    private var wroteTerminalLine = false

    /// Creates a reporter writing through `emit`.
    public init(mode: Mode, emit: @escaping (String) -> Void) {
        self.mode = mode
        self.emit = emit
        start = clock.now
        last = start
    }

    /// Seconds since the reporter was made.
    public var elapsedSeconds: Double { Self.seconds(clock.now - start) }

    /// Shows progress when it is time to: `bytes` of `totalBytes` read gives the ETA.
    public mutating func update(_ summary: RescoreSummary, bytes: Int, totalBytes: Int?) {
        guard mode != .off else { return }
        let now = clock.now
        guard now - last >= (mode == .terminal ? .milliseconds(250) : plainInterval) else { return }
        last = now
        let line = Self.line(summary, elapsed: Self.seconds(now - start), bytes: bytes, totalBytes: totalBytes)
        if mode == .terminal {
            emit("\r\u{1B}[K" + line)
            wroteTerminalLine = true
        } else {
            emit(line + "\n")
        }
    }

    /// Ends the in-place line so that the summary starts on a fresh one.
    public mutating func finish() {
        if wroteTerminalLine { emit("\r\u{1B}[K") }
        wroteTerminalLine = false
    }

    static func line(_ summary: RescoreSummary, elapsed: Double, bytes: Int, totalBytes: Int?) -> String {
        let thisRun = summary.lines - summary.resumedLines
        let rate = elapsed > 0 ? Double(thisRun) / elapsed : 0
        var parts = ["\(summary.lines) lines", "\(RescoreSummary.fixed(rate, 0)) lines/s"]
        if let totalBytes, totalBytes > 0, bytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            parts.append("\(RescoreSummary.fixed(100 * fraction, 1))%")
            parts.append("ETA " + clockText(elapsed * (1 - fraction) / fraction))
        }
        parts.append("judge calls \(summary.cacheMisses)")
        parts.append("cache hits \(summary.cacheHits)")
        parts.append("abstained \(summary.abstained)")
        if summary.badLines > 0 { parts.append("bad lines \(summary.badLines)") }
        return "rescore: " + parts.joined(separator: ", ")
    }

    /// "1:02:03" or "2:03".
    static func clockText(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
