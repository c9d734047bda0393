import Testing

@testable import Rescore

@Suite("ProgressReporter")
struct ProgressReporterTests {
    @Test func showsRateShareETAAndJudgeWork() {
        var summary = RescoreSummary()
        summary.lines = 3000
        summary.resumedLines = 1000
        summary.cacheHits = 40
        summary.cacheMisses = 7
        summary.abstainedByCode = ["judge_timeout": 2]
        summary.badLinesByCode = ["invalid_json": 1]
        let line = ProgressReporter.line(summary, elapsed: 4, bytes: 250, totalBytes: 1000)
        #expect(line == "rescore: 3000 lines, 500 lines/s, 25.0%, ETA 0:12, judge calls 7, cache hits 40, abstained 2, bad lines 1")
    }

    @Test func leavesOutTheETAWithoutAKnownSize() {
        let line = ProgressReporter.line(RescoreSummary(), elapsed: 1, bytes: 10, totalBytes: nil)
        #expect(!line.contains("ETA"))
        #expect(!line.contains("bad lines"))
    }

    @Test(arguments: [(59.4, "0:59"), (61, "1:01"), (3725, "1:02:05"), (Double.infinity, "-")])
    func writesClockTimes(seconds: Double, text: String) {
        #expect(ProgressReporter.clockText(seconds) == text)
    }

    @Test func printsNothingWhenOff() {
        nonisolated(unsafe) var printed: [String] = []
        var reporter = ProgressReporter(mode: .off) { printed.append($0) }
        reporter.plainInterval = .zero
        reporter.update(RescoreSummary(), bytes: 1, totalBytes: 2)
        reporter.finish()
        #expect(printed.isEmpty)
    }

    @Test func printsPlainLinesWhenNotOnATerminal() {
        nonisolated(unsafe) var printed: [String] = []
        var reporter = ProgressReporter(mode: .plain) { printed.append($0) }
        reporter.plainInterval = .zero
        reporter.update(RescoreSummary(), bytes: 1, totalBytes: 2)
        reporter.finish()
        #expect(printed.count == 1)
        #expect(printed.first?.hasSuffix("\n") == true)
        #expect(printed.first?.contains("\r") == false)
    }
}
