/// Finds every `\boxed{...}` (and `\fbox`) in one linear pass, nesting tracked with a stack.
struct BoxScanner {
    struct Box {
        var start: Int
        var contentStart: Int
        var contentEnd: Int?
        /// Index after the box (past `}` or the braceless token).
        var end: Int?
        /// Braces open before the box's own `{`, and the open box it is inside (-1: none), while
        /// scanning: they find the `}` that closes it without a stack of every brace.
        var depth = 0
        var parent = -1
    }

    let bytes: [UInt8]
    private(set) var boxes: [Box] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        scan()
    }

    private static let names = [Array("boxed".utf8), Array("fbox".utf8)]

    private mutating func scan() {
        // Braces open at the cursor, and the innermost open box (-1: none).
        var depth = 0
        var open = -1
        var i = 0
        let count = bytes.count
        while i < count {
            // Only `\`, `{` and `}` matter; the bytes between are skipped a word at a time.
            i = bytes.withUnsafeBufferPointer { ByteSearch.nextBraceOrBackslash(in: $0, from: i) }
            guard i < count else { break }
            let c = bytes[i]
            if c == 0x5C {
                // Both names start with `b` or `f`: most commands are ruled out here, without a call.
                let next = i + 1 < count ? bytes[i + 1] : 0
                if next == 0x62 || next == 0x66, var box = boxCommand(at: i) {
                    if box.end == nil {
                        // Its `{` is passed over with the command: count it here.
                        box.depth = depth
                        box.parent = open
                        depth += 1
                        open = boxes.count
                    }
                    boxes.append(box)
                    i = box.end ?? box.contentStart
                } else {
                    // `\\boxed` in doubly escaped text still names a box, so step one byte only.
                    i += next == 0x5C ? 1 : 2
                }
                continue
            }
            if c == 0x7B { depth += 1 }
            if c == 0x7D, depth > 0 {
                depth -= 1
                if open >= 0, boxes[open].depth == depth {
                    boxes[open].contentEnd = i
                    boxes[open].end = i + 1
                    open = boxes[open].parent
                }
            }
            i += 1
        }
    }

    /// A box starting at the backslash at `i`: braced (closed later by the scan) or braceless.
    private func boxCommand(at i: Int) -> Box? {
        // Both names start with `b` or `f`: most commands are ruled out by one byte.
        guard i + 1 < bytes.count, bytes[i + 1] == 0x62 || bytes[i + 1] == 0x66 else { return nil }
        for name in BoxScanner.names where matches(name, at: i + 1) {
            var j = i + 1 + name.count
            if j < bytes.count, Byte.isLetter(bytes[j]) { return nil }
            while j < bytes.count, bytes[j] == 0x20 { j += 1 }
            if j < bytes.count, bytes[j] == 0x7B {
                return Box(start: i, contentStart: j + 1)
            }
            guard j > i + 1 + name.count else { return nil }  // `\boxed 5` needs the space
            var k = j
            while k < bytes.count, !Byte.isSpace(bytes[k]), bytes[k] != 0x24 { k += 1 }
            return Box(start: i, contentStart: j, contentEnd: k, end: k)
        }
        return nil
    }

    private func matches(_ word: [UInt8], at i: Int) -> Bool {
        guard i + word.count <= bytes.count else { return false }
        for (k, b) in word.enumerated() where bytes[i + k] != b { return false }
        return true
    }

    /// Whether a closed box holds only white space; stops at the first other byte.
    private func isEmpty(_ box: Box) -> Bool {
        guard let end = box.contentEnd else { return false }
        return bytes[box.contentStart..<end].allSatisfy(Byte.isSpace)
    }

    private func content(_ box: Box) -> String? {
        guard var end = box.contentEnd else { return nil }
        var start = box.contentStart
        while start < end, Byte.isSpace(bytes[start]) { start += 1 }
        while end > start, Byte.isSpace(bytes[end - 1]) { end -= 1 }
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }

    /// Whether the box that starts last was never closed: then there is no final answer.
    var lastIsUnclosed: Bool { boxes.last.map { $0.end == nil } ?? false }

    /// The content of the last box, joined with the boxes listed right before it.
    func finalAnswer() -> (text: String, end: Int)? {
        guard var k = previousLeaf(before: boxes.count) else { return nil }
        let end = boxes[k].end ?? bytes.count
        var text = content(boxes[k]) ?? ""
        while let j = previousLeaf(before: k), let previousEnd = boxes[j].end,
              BoxScanner.joins(bytes[previousEnd..<boxes[k].start]) {
            text = (content(boxes[j]) ?? "") + ", " + text
            k = j
        }
        return (text, end)
    }

    /// The last box before index `k` that holds no other box and is not empty.
    private func previousLeaf(before k: Int) -> Int? {
        var j = k - 1
        while j >= 0 {
            let nested = j + 1 < boxes.count && boxes[j + 1].start < (boxes[j].end ?? bytes.count)
            if !nested, !isBlank(boxes[j]) { return j }
            j -= 1
        }
        return nil
    }

    /// Whether a box has no closed content or only white space in it.
    private func isBlank(_ box: Box) -> Bool {
        guard let end = box.contentEnd else { return true }
        return bytes[box.contentStart..<end].allSatisfy(Byte.isSpace)
    }

    /// Text between two boxes that lists them (`, `, ` and `, `\quad\text{and}\quad`) rather than
    /// revising one by the other (`... wait, after rechecking, the answer is ...`).
    static func joins(_ between: ArraySlice<UInt8>) -> Bool {
        var words: [String] = []
        var comma = false
        var i = between.startIndex
        while i < between.endIndex {
            let c = between[i]
            if c == 0x5C {
                i += 1
                while i < between.endIndex, Byte.isLetter(between[i]) { i += 1 }
                if i < between.endIndex, !Byte.isLetter(between[i]) { i += 1 }
                continue
            }
            if Byte.isLetter(c) {
                let start = i
                while i < between.endIndex, Byte.isLetter(between[i]) { i += 1 }
                words.append(String(decoding: between[start..<i], as: UTF8.self).lowercased())
                continue
            }
            if c == 0x2E || c == 0x3A || c == 0x21 || c == 0x3F { return false }
            if c == 0x2C || c == 0x3B { comma = true }
            i += 1
        }
        guard words.count <= 4 else { return false }
        return words.isEmpty || comma || words.contains("and") || words.contains("or")
    }

    /// The text with empty boxes cut out, for the fallbacks after the boxes.
    var textWithoutEmptyBoxes: [UInt8] {
        // Usually there is none: the text itself, shared rather than copied.
        guard boxes.contains(where: isEmpty) else { return bytes }
        var out: [UInt8] = []
        var from = 0
        for box in boxes where isEmpty(box) {
            guard let end = box.end, box.start >= from else { continue }
            out.append(contentsOf: bytes[from..<box.start])
            from = end
        }
        out.append(contentsOf: bytes[from...])
        return out
    }
}
