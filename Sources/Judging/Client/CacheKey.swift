import RewardCore

/// The verdict-cache key: SHA-256 over everything that decides a verdict (docs/reward-spec.md, section 7).
enum CacheKey {
    /// Bumped when the key layout changes, so old rows are never misread as new ones.
    static let version = "referee-verdict-v1"

    /// `swapped` is the think-judge's second prompt when the consistency check asks twice.
    static func make(
        request: JudgeRequest, template: PromptTemplate, configuration: JudgeConfiguration, swapped: PromptTemplate? = nil
    ) -> String {
        var hasher = SHA256()
        // Every field is length-prefixed so no two different inputs concatenate to the same bytes.
        func put(_ text: String) {
            hasher.update(String(text.utf8.count).utf8)
            hasher.update([0x3a])
            hasher.update(text.utf8)
        }
        put(version)
        put(configuration.model)
        put(template.contentHash)
        put(request.kind.rawValue)
        if let custom = request.custom {
            // The prompt's hash is in the key already; the name and form tell two components with one file apart.
            put(custom.name)
            put(custom.form.rawValue)
        }
        for field in PromptTemplate.Field.allCases {
            put(template.fields.contains(field) ? request.value(of: field) : "")
        }
        let images = request.kind.usesImages ? request.images : []
        put(String(images.count))
        for image in images { put(SHA256.hex(image)) }
        put("temperature=\(configuration.temperature)")
        put("max_tokens=\(configuration.maxTokens)")
        put("votes=\(configuration.votes)")
        put("json=\(request.kind == .thinkJudge && configuration.jsonResponseFormat)")
        if let swapped {
            // Added only with the check on, so keys made without it stay what they were.
            put("consistency_check")
            put(swapped.contentHash)
        }
        return SHA256.hexString(hasher.finalize())
    }
}
