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
    /// Writes the result object of spec section 5; `includeAdvantage` is false for advantage mode `none`.
    public func write(to writer: inout JSONWriter, includeAdvantage: Bool = true) {
        writer.raw("{")
        writer.key("id")
        if let id { id.write(to: &writer) } else { writer.raw("null") }
        writer.raw(",")
        writer.key("reward")
        writer.number(reward)
        writer.raw(",")
        writer.key("accuracy")
        writer.number(accuracy)
        writer.raw(",")
        writer.key("components")
        writer.raw("{")
        for (offset, component) in ComponentName.allCases.enumerated() {
            writer.comma(offset > 0)
            writer.key(component.rawValue)
            writer.number(components[component])
        }
        writer.raw("},")
        writer.key("decision")
        writer.string(decision?.rawValue)
        writer.raw(",")
        writer.key("extracted_answer")
        writer.string(extractedAnswer)
        writer.raw(",")
        writer.key("skipped")
        Self.writeReasons(skipped, to: &writer)
        writer.raw(",")
        writer.key("reasons")
        Self.writeReasons(reasons, to: &writer)
        writer.raw(",")
        writer.key("error")
        if let error { error.write(to: &writer) } else { writer.raw("null") }
        writer.raw(",")
        writer.key("warnings")
        Self.writeWarnings(warnings, to: &writer)
        if includeAdvantage {
            writer.raw(",")
            writer.key("advantage")
            writer.number(advantage)
        }
        writer.raw(",")
        writer.key("group")
        writer.string(group)
        writer.raw(",")
        writer.key("cache")
        writer.raw("{")
        writer.key("hits")
        writer.number(cacheHits)
        writer.raw(",")
        writer.key("misses")
        writer.number(cacheMisses)
        writer.raw("},")
        writer.key("judge_tokens")
        writer.number(judgeTokens)
        writer.raw(",")
        writer.key("latency_ms")
        writer.number((latencyMs * 1000).rounded() / 1000)
        writer.raw("}")
    }

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

    private static func writeReasons(_ reasons: ComponentMap<String>, to writer: inout JSONWriter) {
        writer.raw("{")
        for (offset, component) in reasons.keys.enumerated() {
            writer.comma(offset > 0)
            writer.key(component.rawValue)
            writer.string(reasons[component])
        }
        writer.raw("}")
    }

    /// The result as a standalone JSON object.
    public func jsonBytes(includeAdvantage: Bool = true) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer, includeAdvantage: includeAdvantage)
        return writer.bytes
    }
}

extension BatchResult {
    /// `{"results": [...], "groups": {...}}`.
    public func jsonBytes(includeAdvantage: Bool = true) -> [UInt8] {
        var writer = JSONWriter(capacity: 512 * results.count + 64)
        writer.raw("{")
        writer.key("results")
        writer.raw("[")
        for (offset, result) in results.enumerated() {
            writer.comma(offset > 0)
            result.write(to: &writer, includeAdvantage: includeAdvantage)
        }
        writer.raw("],")
        writer.key("groups")
        writer.raw("{")
        for (offset, name) in groups.keys.sorted().enumerated() {
            let summary = groups[name]!
            writer.comma(offset > 0)
            writer.key(name)
            writer.raw("{")
            writer.key("n")
            writer.number(summary.n)
            writer.raw(",")
            writer.key("mean")
            writer.number(summary.mean)
            writer.raw(",")
            writer.key("std")
            writer.number(summary.std)
            writer.raw(",")
            writer.key("degenerate")
            writer.bool(summary.degenerate)
            writer.raw(",")
            writer.key("pass_rate")
            writer.number(summary.passRate)
            writer.raw(",")
            writer.key("learnability")
            writer.number(summary.learnability)
            writer.raw(",")
            writer.key("keep")
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
