extension RolloutID {
    /// Writes the id as the JSON type it came in.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let value): writer.string(value)
        case .integer(let value): writer.number(value)
        }
    }
}

extension RewardError {
    /// Writes `{"code": ..., "message": ..., "field": ...}`.
    public func write(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("code")
        writer.string(code.rawValue)
        writer.raw(",")
        writer.key("message")
        writer.string(message)
        if let field {
            writer.raw(",")
            writer.key("field")
            writer.string(field)
        }
        writer.raw("}")
    }

    /// The API's error body: `{"error": {...}}`.
    public var jsonBody: [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.raw("{")
        writer.key("error")
        write(to: &writer)
        writer.raw("}")
        return writer.bytes
    }
}

extension RewardResult {
    /// Writes the result object of spec section 5; `includeAdvantage` is false for advantage mode `none`, and
    /// `verdictTextLimit` adds the `judge` provenance list with raw texts cut to that many characters.
    public func write(to writer: inout JSONWriter, includeAdvantage: Bool = true, verdictTextLimit: Int? = nil) {
        // Punctuation and keys go in as few fixed fragments as possible, and catalogue codes skip
        // escaping: a batch writes every result, and each append has a cost of its own.
        writer.raw("{\"id\":")
        if let id { id.write(to: &writer) } else { writer.raw("null") }
        writer.raw(",\"reward\":")
        writer.number(reward)
        writer.raw(",\"accuracy\":")
        writer.number(accuracy)
        writer.raw(",\"components\":")
        for (component, fragment) in Self.componentFragments {
            writer.raw(fragment)
            writer.number(components[component])
        }
        if !customComponents.isEmpty || !customSkipped.isEmpty { writeCustomComponents(to: &writer) }
        writer.raw("},\"decision\":")
        if let decision { writer.plainString(decision.rawValue) } else { writer.raw("null") }
        writer.raw(",\"extracted_answer\":")
        writer.string(extractedAnswer)
        writer.raw(",\"skipped\":")
        Self.writeReasons(skipped, custom: customSkipped, to: &writer)
        writer.raw(",\"reasons\":")
        Self.writeReasons(reasons, custom: customReasons, to: &writer)
        writer.raw(",\"error\":")
        if let error { error.write(to: &writer) } else { writer.raw("null") }
        writer.raw(",\"warnings\":")
        Self.writeWarnings(warnings, to: &writer)
        if includeAdvantage {
            writer.raw(",\"advantage\":")
            writer.number(advantage)
        }
        writer.raw(",\"group\":")
        writer.string(group)
        writer.raw(",\"cache\":{\"hits\":")
        writer.number(cacheHits)
        writer.raw(",\"misses\":")
        writer.number(cacheMisses)
        writer.raw("},\"judge_tokens\":")
        writer.number(judgeTokens)
        writer.raw(",\"latency_ms\":")
        writer.number((latencyMs * 1000).rounded() / 1000)
        if let verdictTextLimit { writeVerdicts(to: &writer, rawTextLimit: verdictTextLimit) }
        writer.raw("}")
    }

    /// Each component with the JSON written before its value, in the spec's order.
    private static let componentFragments: [(ComponentName, StaticString)] = [
        (.format, "{\"format\":"), (.answer, ",\"answer\":"), (.judge, ",\"judge\":"), (.think, ",\"think\":"),
        (.logic, ",\"logic\":"), (.grounding, ",\"grounding\":"), (.consistency, ",\"consistency\":"),
    ]

    static func writeWarnings(_ warnings: [RewardWarning], to writer: inout JSONWriter) {
        writer.raw("[")
        for (offset, warning) in warnings.enumerated() {
            writer.comma(offset > 0)
            writer.raw("{")
            writer.key("code")
            writer.string(warning.code.rawValue)
            writer.raw(",")
            writer.key("message")
            writer.string(warning.message)
            if let field = warning.field {
                writer.raw(",")
                writer.key("field")
                writer.string(field)
            }
            writer.raw("}")
        }
        writer.raw("]")
    }

    /// Component names come from the catalogue: nothing in them needs escaping.
    private static func writeReasons(_ reasons: ComponentMap<String>, custom: [String: String], to writer: inout JSONWriter) {
        writer.raw("{")
        var first = true
        // By subscript rather than the map's iterator, which copies the whole map.
        for component in ComponentName.inSpecOrder {
            guard let reason = reasons[component] else { continue }
            writer.comma(!first)
            first = false
            writer.plainString(component.rawValue)
            writer.raw(":")
            writer.string(reason)
        }
        // Twice per result on every batch: most results have no custom component, so no sort at all.
        for (name, reason) in custom.isEmpty ? [] : custom.sorted(by: { $0.key < $1.key }) {
            writer.comma(!first)
            first = false
            writer.string(name)
            writer.raw(":")
            writer.string(reason)
        }
        writer.raw("}")
    }

    /// The custom components after the built-in ones, by name; a skipped one is null, as a built-in one is.
    private func writeCustomComponents(to writer: inout JSONWriter) {
        for name in Set(customComponents.keys).union(customSkipped.keys).sorted() {
            writer.raw(",")
            writer.string(name)
            writer.raw(":")
            writer.number(customComponents[name])
        }
    }

    /// The result as a standalone JSON object.
    public func jsonBytes(includeAdvantage: Bool = true, verdictTextLimit: Int? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer, includeAdvantage: includeAdvantage, verdictTextLimit: verdictTextLimit)
        return writer.bytes
    }
}

extension BatchResult {
    /// `{"results": [...], "groups": {...}}`; a large batch's results are written on up to `parallelism` cores.
    public func jsonBytes(includeAdvantage: Bool = true, verdictTextLimit: Int? = nil, parallelism: Int = 1) -> [UInt8] {
        func writeResults(_ range: Range<Int>, to writer: inout JSONWriter) {
            for offset in range {
                writer.comma(offset > range.lowerBound)
                results[offset].write(to: &writer, includeAdvantage: includeAdvantage, verdictTextLimit: verdictTextLimit)
            }
        }
        var writer = JSONWriter(capacity: 512 * results.count + 64)
        writer.raw("{")
        writer.key("results")
        writer.raw("[")
        let ranges = ParallelSlices.ranges(count: results.count, parallelism: parallelism)
        if ranges.count == 1 {
            writeResults(results.indices, to: &writer)
        } else {
            let parts = ParallelSlices.map(ranges) { range in
                var part = JSONWriter(capacity: 512 * range.count)
                writeResults(range, to: &part)
                return part.bytes
            }
            for (offset, part) in parts.enumerated() {
                writer.comma(offset > 0)
                writer.rawBytes(part)
            }
        }
        writer.raw("],")
        writer.key("groups")
        writer.raw("{")
        for (offset, name) in groups.keys.sorted().enumerated() {
            let summary = groups[name]!
            writer.comma(offset > 0)
            writer.key(name)
            writer.raw("{")
            writer.member("n", summary.n, first: true)
            writer.member("mean", summary.mean)
            writer.member("std", summary.std)
            writer.memberKey("degenerate")
            writer.bool(summary.degenerate)
            writer.member("pass_rate", summary.passRate)
            writer.member("learnability", summary.learnability)
            writer.memberKey("keep")
            writer.bool(summary.keep)
            writer.raw("}")
        }
        writer.raw("},")
        writer.key("warnings")
        RewardResult.writeWarnings(warnings, to: &writer)
        writer.raw("}")
        return writer.bytes
    }
}
