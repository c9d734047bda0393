/// Splits a response into judge, think and answer sections per spec section 1, working on UTF-8 bytes.
public struct ResponseParser: Sendable {
    /// The words that name each decision.
    public var vocabulary: DecisionVocabulary

    /// Creates a parser with the given decision vocabularies.
    public init(vocabulary: DecisionVocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Parses `prefix + response` laid out as `layout`; `prefix` is text the prompt already ended with.
    public func parse(_ response: String, prefix: String? = nil, layout: Layout = .sail) -> ParsedResponse {
        var text = prefix.map { $0 + response } ?? response
        return text.withUTF8 { bytes in
            let tags = TagScanner.tags(in: bytes)
            switch layout {
            case .sail:
                // Filtered into a list sized once: `filter` regrew its buffer three times on every rollout.
                var sail: [TagScanner.Tag] = []
                sail.reserveCapacity(tags.count)
                for tag in tags where tag.kind.isSAIL { sail.append(tag) }
                return parseSAIL(bytes: bytes, tags: sail)
            case .r1, .glm: return Self.parseAnswerBlock(bytes: bytes, tags: tags, layout: layout)
            case .boxed: return Self.parseBoxed(bytes: bytes, tags: tags)
            }
        }
    }

    private func parseSAIL(bytes: UnsafeBufferPointer<UInt8>, tags: [TagScanner.Tag]) -> ParsedResponse {
        var result = ParsedResponse()
        result.hasDecisionBlock = true
        let judgeOpen = tags.first { $0.kind == .judgeOpen }
        let judgeClose = judgeOpen.flatMap { open in tags.first { $0.kind == .judgeClose && $0.start >= open.end } }
        let searchThinkFrom = judgeClose?.end ?? judgeOpen?.end ?? 0
        let thinkOpen = tags.first { $0.kind == .thinkOpen && $0.start >= searchThinkFrom }
            ?? tags.first { $0.kind == .thinkOpen }
        let thinkClose = thinkOpen.flatMap { open in tags.first { $0.kind == .thinkClose && $0.start >= open.end } }
        var reasons: [FormatReason] = []

        if let judgeOpen {
            if let thinkOpen, thinkOpen.start < judgeOpen.start {
                reasons.append(.order)
            } else if !bytes.isBlank(0..<judgeOpen.start) {
                reasons.append(.textBeforeJudge)
            }
            if judgeClose == nil { reasons.append(.unclosedJudge) }
            if tags.count(where: { $0.kind == .judgeOpen }) > 1 { reasons.append(.duplicateJudge) }
        } else {
            reasons.append(.missingJudge)
        }
        if let thinkOpen {
            if thinkClose == nil { reasons.append(.unclosedThink) }
            if tags.count(where: { $0.kind == .thinkOpen }) > 1 { reasons.append(.duplicateThink) }
            if let judgeClose, thinkOpen.start >= judgeClose.end, !bytes.isBlank(judgeClose.end..<thinkOpen.start) {
                reasons.append(.textBetweenBlocks)
            }
        } else {
            reasons.append(.missingThink)
        }
        let blockStarts = (judgeOpen?.start, judgeClose?.start, thinkOpen?.start, thinkClose?.start)
        if tags.contains(where: { tag in
            tag.start != blockStarts.0 && tag.start != blockStarts.1 && tag.start != blockStarts.2 && tag.start != blockStarts.3
        }) {
            reasons.append(.strayTag)
        }

        if let judgeOpen, let judgeClose {
            result.decisionText = bytes.string(judgeOpen.end..<judgeClose.start)
            result.decision = vocabulary.decision(for: result.decisionText)
        }
        if let thinkOpen, let thinkClose {
            result.reasoning = bytes.string(thinkOpen.end..<thinkClose.start)
        }
        switch result.decision {
        case .unknown: reasons.append(.unknownDecision)
        case .think where !result.hasReasoning && thinkClose != nil: reasons.append(.emptyThink)
        case .direct where result.hasReasoning: reasons.append(.thinkNotEmptyForDirect)
        default: break
        }

        let answerRange: Range<Int>
        if let thinkClose {
            answerRange = thinkClose.end..<bytes.count
        } else if tags.isEmpty {
            answerRange = 0..<bytes.count
        } else {
            answerRange = bytes.count..<bytes.count
        }
        reasons += Self.readBoxedAnswer(bytes: bytes, range: answerRange, into: &result)
        result.formatReasons = reasons
        return result
    }
}

extension ResponseParser {
    /// Reads the answer section `range` and its boxes into `result`; returns the format failure, if any.
    static func readBoxedAnswer(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into result: inout ParsedResponse) -> [FormatReason] {
        result.answerSection = bytes.string(range)
        let boxes = BoxScanner.boxes(in: bytes, range: range)
        result.boxes = boxes.complete.map { bytes.string($0) }
        result.lastBoxUnclosed = boxes.lastUnclosed
        if boxes.lastUnclosed { return [.unbalancedBoxed] }
        return result.boxes.contains(where: ParsedResponse.holdsText) ? [] : [.missingBoxed]
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes in `range` are all ASCII whitespace.
    func isBlank(_ range: Range<Int>) -> Bool {
        for index in range {
            switch self[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: continue
            default: return false
            }
        }
        return true
    }

    /// The bytes in `range` decoded as UTF-8.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }
}
