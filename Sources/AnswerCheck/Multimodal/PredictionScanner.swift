/// A lenient, linear scanner for bracketed numbers in model answers and structured ground truths.
///
/// Not a JSON parser: it reads `[1, 2, 3, 4]`, `(1,2),(3,4)`, `{"bbox_2d": [...], "label": "dog"}`,
/// the same inside ```json fences or prose, and ignores what it does not understand. Work is one
/// pass over the bytes with a bounded bracket depth and group count, so hostile input stays cheap.
struct PredictionScanner {
    /// Longest text scanned (256 KiB); longer answers are refused as too complex rather than read.
    static let maxBytes = 1 << 18
    /// Deepest bracket nesting followed; deeper brackets are read as plain characters.
    static let maxDepth = 32
    /// Keys whose string value labels the enclosing object.
    static let labelKeys: Set<String> = ["label", "name", "category", "class"]

    /// Read `mm:ss` and `hh:mm:ss(.s)` as seconds (spans only; elsewhere a colon separates).
    var readsTimestamps = false
    /// Read `1,000` as one thousand (counts only; elsewhere a comma separates).
    var readsThousands = false
    /// Read numbers inside double quotes too (counts: `{"answer": "7"}`); elsewhere quotes hold labels and keys.
    var readsInsideQuotes = false
    /// Stop, marking the scan overflowed, once more groups than this have closed.
    var maxGroups = 2_100

    struct Frame {
        var opener: UInt8
        var numbers: [Double] = []
        var keys: [String?] = []
        var label: String?
        var firstGroup: Int
    }

    /// Scans `text`; the result is overflowed (and partial) when a cap is hit.
    func scan(_ text: String) -> ScannedText {
        var result = ScannedText()
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maxBytes else {
            result.overflowed = true
            return result
        }
        var stack: [Frame] = []
        var pendingKey: String?
        var quotesExhausted = false
        var index = 0
        func addNumber(_ value: Double) {
            result.allNumbers.append(value)
            if stack.isEmpty {
                result.looseNumbers.append(value)
            } else {
                stack[stack.count - 1].numbers.append(value)
                stack[stack.count - 1].keys.append(pendingKey)
            }
            pendingKey = nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\"") where !readsInsideQuotes:
                guard !quotesExhausted, let (string, end) = Self.readString(bytes, from: index) else {
                    quotesExhausted = true
                    index += 1
                    continue
                }
                index = end
                if Self.nextNonSpace(bytes, from: index) == UInt8(ascii: ":") {
                    pendingKey = string.lowercased()
                    continue
                }
                if let key = pendingKey, Self.labelKeys.contains(key), !stack.isEmpty {
                    stack[stack.count - 1].label = string.trimmedWhitespace.lowercased()
                }
                pendingKey = nil
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"):
                index += 1
                guard stack.count < Self.maxDepth else { continue }
                stack.append(Frame(opener: byte, firstGroup: result.groups.count))
                pendingKey = nil
            case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"):
                index += 1
                let opener = Self.opener(of: byte)
                guard let match = stack.lastIndex(where: { $0.opener == opener }) else { continue }
                // Brackets left open inside this one are dropped with their numbers.
                let frame = stack[match]
                stack.removeSubrange(match...)
                close(frame, into: &result)
                if result.groups.count > maxGroups {
                    result.overflowed = true
                    return result
                }
            default:
                if let (value, end) = readNumber(bytes, at: index) {
                    addNumber(value)
                    index = end
                } else if Self.isWordByte(byte) {
                    let end = Self.wordEnd(bytes, from: index)
                    let next = Self.nextNonSpace(bytes, from: end)
                    let isKey = next == UInt8(ascii: ":") || next == UInt8(ascii: "=")
                    // Only words that can matter become strings: prose costs no allocation.
                    if isKey || (!stack.isEmpty && end - index <= 8) {
                        let word = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
                        if !stack.isEmpty, let special = Self.nonFiniteWords[word] {
                            addNumber(special)
                        } else if isKey {
                            pendingKey = word  // unquoted keys: `x1=10`, `start: 3`
                        }
                    }
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return result
    }

    /// Emits a closed frame's numbers as a group and hands an object's label to the groups inside it.
    private func close(_ frame: Frame, into result: inout ScannedText) {
        let isObject = frame.opener == UInt8(ascii: "{")
        if !frame.numbers.isEmpty {
            result.groups.append(
                .init(bracket: isObject ? .object : .list, numbers: frame.numbers, keys: isObject ? frame.keys : []))
        }
        guard let label = frame.label else { return }
        for offset in frame.firstGroup..<result.groups.count where result.groups[offset].label == nil {
            result.groups[offset].label = label
        }
    }

    /// Words that stand for a non-finite number inside brackets, so the guards can refuse them.
    static let nonFiniteWords: [String: Double] = ["nan": .nan, "inf": .infinity, "infinity": .infinity]

    static func opener(of closer: UInt8) -> UInt8 {
        switch closer {
        case UInt8(ascii: "]"): UInt8(ascii: "[")
        case UInt8(ascii: ")"): UInt8(ascii: "(")
        default: UInt8(ascii: "{")
        }
    }
}
