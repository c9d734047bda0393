import RewardCore

extension RescoreSummary {
    /// The closing summary for a person, printed to standard error.
    public func text(seconds: Double) -> String {
        var lines: [String] = []
        let scoredNow = self.lines - resumedLines
        var head = "\(self.lines) lines"
        var notes: [String] = []
        if badLines > 0 { notes.append("\(badLines) bad: " + Self.counts(badLinesByCode)) }
        if blankLines > 0 { notes.append("\(blankLines) blank skipped") }
        if resumedLines > 0 { notes.append("\(resumedLines) already done before this run") }
        if !notes.isEmpty { head += " (" + notes.joined(separator: "; ") + ")" }
        lines.append(head)
        lines.append("this run: \(scoredNow) lines in \(Self.fixed(seconds, 1)) s, \(Self.fixed(seconds > 0 ? Double(scoredNow) / seconds : 0, 0)) lines/s")
        var reward = "reward: mean \(meanReward.map { Self.fixed($0, 4) } ?? "-") over \(rewarded) rewarded"
        if abstained > 0 { reward += "; \(abstained) abstained: " + Self.counts(abstainedByCode) }
        lines.append(reward)
        lines.append("component       evaluated  pass rate    mean")
        for (index, name) in ComponentName.allCases.enumerated() {
            let tally = components[index]
            let rate = tally.evaluated > 0 ? Self.fixed(100 * Double(tally.passed) / Double(tally.evaluated), 1) + "%" : "-"
            let mean = tally.evaluated > 0 ? Self.fixed(tally.sum / Double(tally.evaluated), 3) : "-"
            lines.append(Self.pad(name.rawValue, 14) + Self.pad(String(tally.evaluated), 11, right: true)
                + Self.pad(rate, 11, right: true) + Self.pad(mean, 8, right: true))
        }
        lines.append("label \\ decision       think    direct   unknown")
        for (row, label) in LabelRow.allCases.enumerated() {
            lines.append(Self.pad(label.rawValue, 18) + decisions[row].map { Self.pad(String($0), 10, right: true) }.joined())
        }
        if let accuracy = decisionAccuracy { lines.append("decision accuracy on labelled lines: \(Self.fixed(100 * accuracy, 1))%") }
        let hitRate = cacheHitRate.map { ", \(Self.fixed(100 * $0, 1))% hits" } ?? ""
        lines.append("verdict cache: \(cacheHits) hits, \(cacheMisses) judge calls\(hitRate); judge tokens \(judgeTokens)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as a JSON object, for `--summary-json`.
    public func json(seconds: Double) -> [UInt8] {
        var writer = JSONWriter(capacity: 2048)
        writer.raw("{")
        writer.member("lines", lines, first: true)
        writer.member("resumed_lines", resumedLines)
        writer.member("blank_lines", blankLines)
        writer.memberKey("bad_lines")
        Self.writeTotal(badLinesByCode, to: &writer)
        writer.member("rewarded", rewarded)
        writer.member("mean_reward", meanReward)
        writer.memberKey("abstained")
        Self.writeTotal(abstainedByCode, to: &writer)
        writer.memberKey("components")
        writer.raw("{")
        for (index, name) in ComponentName.allCases.enumerated() {
            let tally = components[index]
            let evaluated = tally.evaluated > 0 ? Double(tally.evaluated) : nil
            writer.memberKey(name.rawValue, first: index == 0)
            writer.raw("{")
            writer.member("evaluated", tally.evaluated, first: true)
            writer.member("passed", tally.passed)
            writer.member("pass_rate", evaluated.map { Double(tally.passed) / $0 })
            writer.member("mean", evaluated.map { tally.sum / $0 })
            writer.raw("}")
        }
        writer.raw("}")
        writer.memberKey("decisions")
        writer.raw("{")
        for (row, label) in LabelRow.allCases.enumerated() {
            writer.memberKey(label.rawValue, first: row == 0)
            writer.object(["think": decisions[row][0], "direct": decisions[row][1], "unknown": decisions[row][2]])
        }
        writer.raw("}")
        writer.member("decision_accuracy", decisionAccuracy)
        writer.memberKey("cache")
        writer.raw("{")
        writer.member("hits", cacheHits, first: true)
        writer.member("misses", cacheMisses)
        writer.member("hit_rate", cacheHitRate)
        writer.raw("}")
        writer.member("judge_calls", cacheMisses)
        writer.member("judge_tokens", judgeTokens)
        writer.member("seconds", (seconds * 1000).rounded() / 1000)
        writer.raw("}")
        return writer.bytes + [UInt8(ascii: "\n")]
    }

    private static func writeTotal(_ counts: [String: Int], to writer: inout JSONWriter) {
        writer.raw("{")
        writer.member("total", counts.values.reduce(0, +), first: true)
        writer.memberKey("by_code")
        writer.raw("{")
        for (offset, code) in counts.keys.sorted().enumerated() { writer.member(code, counts[code]!, first: offset == 0) }
        writer.raw("}}")
    }

    /// "missing_field 3, invalid_json 1", largest first.
    static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// `value` with `digits` decimals, without Foundation.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let text = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
