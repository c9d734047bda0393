import Foundation
import Testing
@testable import AnswerCheck

/// The word-at-a-time searches against a byte-by-byte search on random bytes of every value,
/// at every start, with matches near word edges and buffer ends.
@Suite("Extraction: word-at-a-time byte search")
struct ByteSearchTests {
    static func randomBytes(_ count: Int, seed: UInt64, alphabet: [UInt8]?) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = UInt8(truncatingIfNeeded: state >> 33)
            return alphabet.map { $0[Int(r) % $0.count] } ?? r
        }
    }

    /// Dense and sparse inputs: every byte value, and mostly letters with a few targets.
    static let inputs: [[UInt8]] = (0..<40).map { k in
        let alphabet: [UInt8]? = k % 2 == 0 ? nil : Array("abcdefxyzFF  ..\\{}[]|<".utf8) + Array(repeating: 0x61, count: 40)
        return randomBytes(k * 7 % 67, seed: UInt64(k) + 1, alphabet: alphabet)
    }

    @Test("the next brace or backslash, and the next backslash or dollar, is the first byte that is one, from every start")
    func forward() {
        for bytes in Self.inputs + Self.inputs.map({ $0.map { $0 == 0x7B ? 0x24 : $0 } }) {
            for start in 0...bytes.count {
                let expected = bytes[start...].firstIndex { ($0 | 0x20) &- 0x7B < 3 } ?? bytes.count
                let found = bytes.withUnsafeBufferPointer { ByteSearch.nextBraceOrBackslash(in: $0, from: start) }
                #expect(found == expected, "\(bytes) from \(start)")
                let delimiter = bytes[start...].firstIndex { $0 == 0x5C || $0 == 0x24 } ?? bytes.count
                #expect(bytes.withUnsafeBufferPointer { ByteSearch.nextBackslashOrDollar(in: $0, from: start) } == delimiter)
            }
        }
    }

    @Test("a buffer is ASCII exactly when no byte has its high bit set, wherever the first such byte is")
    func ascii() {
        for bytes in Self.inputs {
            #expect(bytes.withUnsafeBufferPointer(ByteSearch.isASCII) == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
            let plain = bytes.map { $0 & 0x7F }
            #expect(plain.withUnsafeBufferPointer(ByteSearch.isASCII))
            for i in plain.indices {
                var one = plain
                one[i] = 0x80 | one[i]
                #expect(!one.withUnsafeBufferPointer(ByteSearch.isASCII), "\(one) at \(i)")
            }
        }
    }

    @Test("the previous byte is the last one that is it (a letter in either case), from every start")
    func backward() {
        for bytes in Self.inputs where !bytes.isEmpty {
            for letter in Array("fax<{ ".utf8) {
                let fold: UInt8 = letter >= 0x61 && letter <= 0x7A ? 0x20 : 0
                for start in 0..<bytes.count {
                    let expected = bytes[...start].lastIndex { $0 | fold == letter }
                    let found = bytes.withUnsafeBufferPointer { ByteSearch.previous(letter, in: $0, from: start) }
                    #expect(found == expected, "\(bytes) letter \(letter) from \(start)")
                }
            }
        }
    }

    @Test("phrases are found last-first in either case, as a plain search finds them, whichever byte anchors the search")
    func phrases() {
        let needles = ["final answer is", "answer:", "####", "</answer>", " is ", "a", "aa"]
        let written = ["", "final answer is", "The FINAL answer is 3. Final Answer Is 4", "finalanswer is", "xx final answer i"]
        // Near misses: pieces of the needles, their anchors without the rest, overlapping repeats.
        let generated = (0..<60).map { k in
            let pieces = ["final ", "answer", " is ", "answer:", "##", "#", "</", "answer>", "wer", "aa", "x", "F", "W", "IS "]
            var state = UInt64(k) &* 0x9E37_79B9_7F4A_7C15 &+ 1
            return (0..<(k % 12)).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
        }
        for text in written + generated {
            let bytes = Array(text.utf8)
            let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            for phrase in needles {
                let needle = Array(phrase.utf8)
                var expected: Int?
                if lower.count >= needle.count {
                    for i in stride(from: lower.count - needle.count, through: 0, by: -1) where Array(lower[i..<(i + needle.count)]) == needle {
                        expected = i + needle.count
                        break
                    }
                }
                #expect(Phrases.lastEnd(of: Needle(phrase), in: bytes) == expected, "\(phrase) in \(text)")
            }
        }
    }

    /// The span search as it read byte by byte before the word-at-a-time jumps: the reference.
    static func referenceSpans(_ bytes: [UInt8]) -> [(text: String, start: Int, end: Int)] {
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            var i = start
            while i + needle.count <= bytes.count {
                if bytes[i] == 0x5C, needle[0] == 0x24 {
                    i += 2
                    continue
                }
                if Array(bytes[i..<(i + needle.count)]) == needle { return i }
                i += 1
            }
            return nil
        }
        var spans: [(text: String, start: Int, end: Int)] = []
        var i = 0
        while i < bytes.count {
            var close: [UInt8]?
            var open = 0
            if bytes[i] == 0x5C, i + 1 < bytes.count {
                if bytes[i + 1] == 0x28 { close = [0x5C, 0x29] }
                if bytes[i + 1] == 0x5B { close = [0x5C, 0x5D] }
                if close == nil {
                    i += 2
                    continue
                }
                open = 2
            } else if bytes[i] == 0x24 {
                let double = i + 1 < bytes.count && bytes[i + 1] == 0x24
                (close, open) = double ? ([0x24, 0x24], 2) : ([0x24], 1)
            }
            guard let close else {
                i += 1
                continue
            }
            guard let end = find(close, from: i + open) else { break }
            let text = String(decoding: bytes[(i + open)..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { spans.append((text, i, end + close.count)) }
            i = end + close.count
        }
        return spans
    }

    @Test("math spans are the ones a byte-by-byte search finds, escaped dollars and all")
    func spans() {
        let pieces = ["$", "$$", "\\(", "\\)", "\\[", "\\]", "\\$", "\\\\", "x", "12", " ", "ab cd", "\\frac{1}{2}"]
        for k in 0..<400 {
            var state = UInt64(k) &* 0x9E37_79B9_7F4A_7C15 &+ 7
            let text = (0..<(k % 23)).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return pieces[Int(state >> 33) % pieces.count]
            }.joined()
            let bytes = Array(text.utf8)
            let expected = Self.referenceSpans(bytes)
            #expect(MathSpans.last(in: bytes)?.text == expected.last?.text, "\(text)")
            #expect(MathSpans.last(in: bytes)?.end == expected.last?.end, "\(text)")
            let first = MathSpans.first(in: bytes, from: 0)
            #expect(first?.start == expected.first?.start && first?.end == expected.first?.end, "\(text)")
        }
    }

    @Test("a needle is anchored on its rarest byte: punctuation, then rare letters, never a space when there is more")
    func anchors() {
        #expect(Needle("final answer is").anchor == 9)
        #expect(Needle("answer:").anchor == 6)
        #expect(Needle("</answer>").anchor == 0)
        #expect(Needle(" is ").anchor == 2)
        #expect(Needle(" ").anchor == 0)
    }
}
