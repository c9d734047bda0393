extension JudgeVerdict {
    /// Writes the verdict's members (without braces) after `first`; `raw_text` is cut to `rawTextLimit` characters.
    public func writeMembers(to writer: inout JSONWriter, rawTextLimit: Int, first: Bool) {
        writer.memberKey("key", first: first)
        writer.string(key)
        writer.memberKey("cache_hit")
        writer.bool(fromCache)
        writer.memberKey("model")
        writer.string(model)
        writer.memberKey("passed")
        writer.bool(passed)
        writer.memberKey("requires_reasoning")
        if let requiresReasoning { writer.bool(requiresReasoning) } else { writer.raw("null") }
        writer.member("score", score)
        writer.memberKey("raw_text")
        let cut = rawText.count > rawTextLimit
        writer.string(cut ? String(rawText.prefix(rawTextLimit)) : rawText)
        writer.memberKey("raw_text_truncated")
        writer.bool(cut)
        writer.member("prompt_tokens", promptTokens)
        writer.member("completion_tokens", completionTokens)
        writer.member("latency_ms", (latencyMs * 1000).rounded() / 1000)
        writer.member("agreement", agreement)
    }

    /// The body of `GET /verdicts/{key}`: the stored verdict as one JSON object.
    public func jsonBytes(rawTextLimit: Int) -> [UInt8] {
        var writer = JSONWriter(capacity: 256 + min(rawText.utf8.count, rawTextLimit * 4))
        writer.raw("{")
        writeMembers(to: &writer, rawTextLimit: rawTextLimit, first: true)
        writer.raw("}")
        return writer.bytes
    }
}

extension RewardResult {
    /// Writes `"judge": [...]`, one object per verdict the score used, with its kind.
    func writeVerdicts(to writer: inout JSONWriter, rawTextLimit: Int) {
        writer.raw(",\"judge\":[")
        for (offset, record) in verdicts.enumerated() {
            writer.comma(offset > 0)
            writer.raw("{")
            writer.memberKey("kind", first: true)
            writer.string(record.kind)
            record.verdict.writeMembers(to: &writer, rawTextLimit: rawTextLimit, first: false)
            writer.raw("}")
        }
        writer.raw("]")
    }
}
