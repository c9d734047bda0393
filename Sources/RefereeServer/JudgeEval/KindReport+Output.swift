import RewardCore

extension KindReport {
    /// The report as a JSON object.
    public func write(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.memberKey("kind", first: true)
        writer.string(kind)
        writer.member("cases", judged + failures.values.reduce(0, +))
        writer.member("judged", judged)
        writer.member("accuracy", accuracy)
        writer.member("kappa", kappa)
        writer.memberKey("confusion")
        writer.object([
            "labelled_true_judged_true": truePositives, "labelled_true_judged_false": falseNegatives,
            "labelled_false_judged_true": falsePositives, "labelled_false_judged_false": trueNegatives,
        ])
        writer.memberKey("failures")
        writer.raw("{")
        for (offset, code) in failures.keys.sorted().enumerated() { writer.member(code, failures[code] ?? 0, first: offset == 0) }
        writer.raw("}")
        writer.member("mean_agreement", meanAgreement)
        writer.member("cache_hits", cacheHits)
        writer.member("tokens", tokens)
        writer.member("median_latency_ms", medianLatencyMs.map { ($0 * 1000).rounded() / 1000 })
        writer.raw("}")
    }

    /// `{"kinds": [...]}` for `--json`.
    public static func json(_ reports: [KindReport]) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 * reports.count + 16)
        writer.raw("{")
        writer.key("kinds")
        writer.raw("[")
        for (offset, report) in reports.enumerated() {
            writer.comma(offset > 0)
            report.write(to: &writer)
        }
        writer.raw("]}")
        return writer.bytes
    }

    /// A few lines per kind for people.
    public static func text(_ reports: [KindReport]) -> String {
        func figure(_ value: Double?, _ digits: Int = 3) -> String {
            guard let value else { return "-" }
            let scale = (0..<digits).reduce(1.0) { product, _ in product * 10 }
            return String((value * scale).rounded() / scale)
        }
        var lines: [String] = []
        for report in reports {
            let failed = report.failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("\(report.kind): \(report.judged) judged\(failed.isEmpty ? "" : " (no verdict: \(failed))"), accuracy \(figure(report.accuracy)), kappa \(figure(report.kappa))")
            lines.append("  labelled TRUE:  judged TRUE \(report.truePositives), judged FALSE \(report.falseNegatives)")
            lines.append("  labelled FALSE: judged TRUE \(report.falsePositives), judged FALSE \(report.trueNegatives)")
            lines.append("  vote agreement \(figure(report.meanAgreement)), tokens \(report.tokens), median latency \(figure(report.medianLatencyMs, 1)) ms, cache hits \(report.cacheHits)")
        }
        return lines.joined(separator: "\n")
    }
}
