import AnswerCheck

/// The layouts without a decision block: `r1` and `glm` (an `<answer>` block) and `boxed` (a final box).
extension ResponseParser {
    /// `<think>…</think><answer>…</answer>`; in `glm` the answer is boxed in `<|begin_of_box|>…<|end_of_box|>`.
    static func parseAnswerBlock(bytes: UnsafeBufferPointer<UInt8>, tags: [TagScanner.Tag], layout: Layout) -> ParsedResponse {
        var result = ParsedResponse()
        var reasons = thinkBlock(bytes: bytes, tags: tags, required: true, into: &result)
        let thinkClose = tags.first { $0.kind == .thinkClose && $0.start >= (tags.first { $0.kind == .thinkOpen }?.end ?? 0) }
        let opens = tags.filter { $0.kind == .answerOpen }
        let answerOpen = opens.first { $0.start >= (thinkClose?.end ?? 0) } ?? opens.first
        let answerClose = answerOpen.flatMap { open in tags.first { $0.kind == .answerClose && $0.start >= open.end } }
        var used = [tags.first { $0.kind == .thinkOpen }?.start, thinkClose?.start, answerOpen?.start, answerClose?.start]

        if let answerOpen {
            if let thinkClose, answerOpen.start < thinkClose.start {
                reasons.append(.order)
            } else if let thinkClose, !bytes.isBlank(thinkClose.end..<answerOpen.start) {
                reasons.append(.textBetweenBlocks)
            }
            if opens.count > 1 { reasons.append(.duplicateAnswer) }
            if let answerClose {
                if !bytes.isBlank(answerClose.end..<bytes.count) { reasons.append(.textAfterAnswer) }
            } else {
                reasons.append(.unclosedAnswer)
                result.answerProblem = .unclosedAnswer
            }
        } else {
            reasons.append(.missingAnswer)
            result.answerProblem = .missingAnswer
        }

        // Every complete answer block is a candidate, so that two different answers read as hedging.
        var blocks: [Range<Int>] = []
        for open in opens {
            guard let close = tags.first(where: { $0.kind == .answerClose && $0.start >= open.end }) else { continue }
            blocks.append(open.end..<close.start)
        }
        if let first = blocks.first { result.answerSection = bytes.string(first) }
        for block in blocks {
            if layout == .glm {
                let markers = boxMarkers(in: block, tags: tags)
                used += markers.flatMap { [$0.begin, $0.end] }
                if markers.isEmpty {
                    reasons.append(.missingBoxMarkers)
                    result.boxes.append(bytes.string(block).trimmedWhitespace)
                } else {
                    result.boxes += markers.map { bytes.string($0.begin + 16..<$0.end).trimmedWhitespace }
                }
            } else {
                let boxes = BoxScanner.boxes(in: bytes, range: block)
                if boxes.lastUnclosed { result.lastBoxUnclosed = true }
                result.boxes += boxes.complete.isEmpty ? [bytes.string(block).trimmedWhitespace] : boxes.complete.map { bytes.string($0) }
            }
        }
        if result.answerProblem == nil, result.boxes.contains(where: { $0.trimmedWhitespace.isEmpty }) {
            reasons.append(.emptyAnswer)
            result.answerProblem = .emptyAnswer
        }
        if tags.contains(where: { !used.contains($0.start) }) { reasons.append(.strayTag) }
        result.formatReasons = unique(reasons)
        return result
    }

    /// An optional `<think>` block, then the answer in the last `\boxed{}` after it.
    static func parseBoxed(bytes: UnsafeBufferPointer<UInt8>, tags: [TagScanner.Tag]) -> ParsedResponse {
        var result = ParsedResponse()
        var reasons = thinkBlock(bytes: bytes, tags: tags, required: false, into: &result)
        let thinkOpen = tags.first { $0.kind == .thinkOpen }
        // A lone `</think>`: the chat template opened the block in the prompt, as R1-style templates do.
        let thinkClose = tags.first { $0.kind == .thinkClose && $0.start >= (thinkOpen?.end ?? 0) }
        let used = [thinkOpen?.start, thinkClose?.start]
        if tags.contains(where: { !used.contains($0.start) }) { reasons.append(.strayTag) }

        let answerRange = (thinkClose?.end ?? (thinkOpen == nil ? 0 : bytes.count))..<bytes.count
        reasons += readBoxedAnswer(bytes: bytes, range: answerRange, into: &result)
        result.formatReasons = unique(reasons)
        return result
    }

    /// Reads the think block into `result` (reasoning and the implied decision) and returns its format failures.
    private static func thinkBlock(
        bytes: UnsafeBufferPointer<UInt8>, tags: [TagScanner.Tag], required: Bool, into result: inout ParsedResponse
    ) -> [FormatReason] {
        var reasons: [FormatReason] = []
        let thinkOpen = tags.first { $0.kind == .thinkOpen }
        let thinkClose = tags.first { $0.kind == .thinkClose && $0.start >= (thinkOpen?.end ?? 0) }
        if let thinkOpen {
            if !bytes.isBlank(0..<thinkOpen.start) { reasons.append(.textBeforeThink) }
            if thinkClose == nil { reasons.append(.unclosedThink) }
            if tags.count(where: { $0.kind == .thinkOpen }) > 1 { reasons.append(.duplicateThink) }
        } else if required {
            reasons.append(.missingThink)
        }
        if let thinkClose {
            result.reasoning = bytes.string((thinkOpen?.end ?? 0)..<thinkClose.start)
        }
        result.decision = result.hasReasoning ? .think : .direct
        return reasons
    }

    /// The `<|begin_of_box|>…<|end_of_box|>` pairs inside `block`.
    private static func boxMarkers(in block: Range<Int>, tags: [TagScanner.Tag]) -> [(begin: Int, end: Int)] {
        var pairs: [(begin: Int, end: Int)] = []
        var searchFrom = block.lowerBound
        while let begin = tags.first(where: { $0.kind == .boxBegin && $0.start >= searchFrom && $0.end <= block.upperBound }),
            let end = tags.first(where: { $0.kind == .boxEnd && $0.start >= begin.end && $0.end <= block.upperBound })
        {
            pairs.append((begin.start, end.start))
            searchFrom = end.end
        }
        return pairs
    }

    /// `reasons` without repeats, in first-seen order.
    private static func unique(_ reasons: [FormatReason]) -> [FormatReason] {
        var seen = Set<FormatReason>()
        return reasons.filter { seen.insert($0).inserted }
    }
}
