#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the layout tags (`<judge>`, `<think>`, `<answer>`, GLM's box markers, opening and closing) in UTF-8 bytes.
enum TagScanner {
    /// Which tag was found.
    enum Kind: Sendable, CaseIterable {
        case judgeOpen, judgeClose, thinkOpen, thinkClose, answerOpen, answerClose, boxBegin, boxEnd

        /// Whether SAIL's parser looks at this tag; it leaves `<answer>` and box markers to the text.
        var isSAIL: Bool { self == .judgeOpen || self == .judgeClose || self == .thinkOpen || self == .thinkClose }
    }

    /// One tag and its byte range.
    struct Tag: Sendable {
        var kind: Kind
        var start: Int
        var end: Int
    }

    private static let patterns: [(Kind, [UInt8])] = [
        (.judgeOpen, Array("<judge>".utf8)), (.judgeClose, Array("</judge>".utf8)),
        (.thinkOpen, Array("<think>".utf8)), (.thinkClose, Array("</think>".utf8)),
        (.answerOpen, Array("<answer>".utf8)), (.answerClose, Array("</answer>".utf8)),
        (.boxBegin, Array("<|begin_of_box|>".utf8)), (.boxEnd, Array("<|end_of_box|>".utf8)),
    ]

    /// The one pattern the bytes after the `<` at `index` can still be, chosen by those bytes
    /// rather than by trying every pattern at every `<`.
    private static func candidate(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Kind, [UInt8])? {
        guard index + 2 < bytes.count else { return nil }
        let closing = bytes[index + 1] == UInt8(ascii: "/")
        let kinds: (open: Kind, close: Kind)
        switch bytes[index + (closing ? 2 : 1)] {
        case UInt8(ascii: "j"): kinds = (.judgeOpen, .judgeClose)
        case UInt8(ascii: "t"): kinds = (.thinkOpen, .thinkClose)
        case UInt8(ascii: "a"): kinds = (.answerOpen, .answerClose)
        case UInt8(ascii: "|") where !closing:
            return bytes[index + 2] == UInt8(ascii: "b") ? patterns[6] : patterns[7]
        default: return nil
        }
        let kind = closing ? kinds.close : kinds.open
        return patterns.first { $0.0 == kind }
    }

    /// Every tag, in order of position.
    static func tags(in bytes: UnsafeBufferPointer<UInt8>) -> [Tag] {
        var found: [Tag] = []
        // A SAIL or R1 response holds four to six tags: room for them at once, not three regrowths per rollout.
        found.reserveCapacity(8)
        var index = 0
        let count = bytes.count
        while index < count {
            // memchr jumps to the next '<' far faster than a byte loop over kilobytes of reasoning.
            guard let base = bytes.baseAddress,
                let hit = memchr(base + index, Int32(UInt8(ascii: "<")), count - index)
            else { break }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if let (kind, pattern) = candidate(at: index, in: bytes), bytes.hasPattern(pattern, at: index) {
                found.append(Tag(kind: kind, start: index, end: index + pattern.count))
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}

/// Finds `\boxed{...}` (and `\fbox{...}`) with nested braces in a byte range.
enum BoxScanner {
    private static let openers: [[UInt8]] = [Array("\\boxed{".utf8), Array("\\fbox{".utf8)]

    /// The content ranges of complete boxes, and whether a last box runs to the end unclosed.
    static func boxes(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> (complete: [Range<Int>], lastUnclosed: Bool) {
        var complete: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard let base = bytes.baseAddress,
                let hit = memchr(base + index, Int32(UInt8(ascii: "\\")), range.upperBound - index)
            else { break }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard
                let opener = openers.first(where: { bytes.hasPattern($0, at: index, before: range.upperBound) })
            else {
                index += 1
                continue
            }
            let contentStart = index + opener.count
            guard let close = closingBrace(in: bytes, from: contentStart, before: range.upperBound) else {
                return (complete, true)
            }
            complete.append(contentStart..<close)
            index = close + 1
        }
        return (complete, false)
    }

    /// The index of the `}` closing a group whose content starts at `start`; `\{` and `\}` do not count.
    static func closingBrace(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int? {
        var depth = 1
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether `pattern` stands at `index`, ending no later than `end`.
    func hasPattern(_ pattern: [UInt8], at index: Int, before end: Int? = nil) -> Bool {
        let limit = end ?? count
        guard index + pattern.count <= limit else { return false }
        for offset in 0..<pattern.count where self[index + offset] != pattern[offset] {
            return false
        }
        return true
    }
}
