import Foundation
import Testing

@testable import RewardCore

/// Which bytes are JSON: the wire reader against Foundation's `JSONSerialization`, on hand-picked edge cases
/// and on random mutations of valid bodies. Where the two differ it is listed, with why, in `knownDifferences`.
@Suite("JSONParser accepts exactly what JSONSerialization accepts")
struct JSONValidityTests {
    static let edgeCases: [String] = [
        "{}", "[]", "0", "-0", "1.5e3", "1E+2", "\"s\"", "true", "null", " \n\t{ } \r\n", "[1,[2,[3]]]",
        "01", "1.", ".5", "-", "+1", "1e", "0x10", "NaN", "Infinity", "[1,]", "{\"a\":1,}", "{a:1}", "{'a':1}",
        "[1 2]", "{\"a\" 1}", "\"\\x\"", "\"\\u12\"", "\"\\u00e9\"", "\"tab\there\"", "\"\\/\"", "[] []", "[]x",
        "\"\\ud83d\\ude00\"", "//c\n{}", "/*c*/{}", "{\"a\":tru}", "nul", "[\"\u{1}\"]", "\"\\b\\f\\n\\r\\t\"",
        "{\"a\":{\"b\":[{\"c\":null}]}}", "-1.0e-5", "1e400", "\u{FEFF}{}", "",
    ]

    /// Inputs where the two readers disagree, and why ours is right for the contract.
    static let knownDifferences: [String: String] = [
        "[1,]": "JSONSerialization on Linux accepts a trailing comma; RFC 8259 does not, and neither do we",
        "{\"a\":1,}": "the same trailing comma in an object",
        "1e400": "a number out of Double's range is refused rather than read as infinity, which no field accepts",
        "\u{FEFF}{}": "a byte-order mark is not JSON (RFC 8259 8.1); rescore strips one before line 1 itself",
        "\"\\ud800\"": "a lone surrogate is no Unicode scalar, so it cannot become a Swift string faithfully",
    ]

    static func foundationAccepts(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }

    static func wireAccepts(_ bytes: [UInt8]) -> Bool {
        (try? JSONParser.parse(bytes)) != nil
    }

    /// The bytes with every comma that only whitespace separates from a closing bracket removed, outside strings.
    static func withoutTrailingCommas(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var inString = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: ","),
                let next = bytes[(index + 1)...].first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }),
                next == UInt8(ascii: "]") || next == UInt8(ascii: "}") {
                continue
            }
            output.append(byte)
        }
        return output
    }

    @Test func trailingCommasAreTheOnlyLeniencyExcused() {
        #expect(Self.withoutTrailingCommas(Array(#"{"a":[1, ],"b":",]"}"#.utf8)) == Array(#"{"a":[1 ],"b":",]"}"#.utf8))
    }

    @Test(arguments: edgeCases)
    func agreesOnEdgeCases(_ text: String) {
        let bytes = Array(text.utf8)
        guard Self.knownDifferences[text] == nil else { return }
        #expect(Self.wireAccepts(bytes) == Self.foundationAccepts(bytes), "\(text.debugDescription)")
    }

    @Test func agreesOnMutatedBodies() {
        let seeds = [
            #"{"rollouts":[{"id":1,"response":"<judge>think</judge><think>a</think>\\boxed{7}","ground_truth":["7",8.5]}],"config":{"alpha":0.9}}"#,
            #"{"response":"caf\u00e9 \ud83d\ude00","group":"g","tolerance":1e-6,"images":[],"requires_reasoning":false}"#,
            #"{"query":["a"],"prompts":[""],"labels":[{"ground_truth":"1"}]}"#,
        ].map { Array($0.utf8) }
        let alphabet = Array("{}[]\":,\\ 0123456789.eE+-truefalsnul\u{1}x".utf8) + [0xC3, 0xA9, 0xFF]
        var generator = SeededGenerator(seed: 11)
        var disagreements: [String] = []
        for round in 0..<4000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = alphabet.randomElement(using: &generator)!
                case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
                default: bytes.remove(at: position)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            let foundation = Self.foundationAccepts(bytes)
            // Foundation's one leniency (trailing commas) is ours to refuse: compare without them.
            if foundation, !Self.wireAccepts(bytes), Self.wireAccepts(Self.withoutTrailingCommas(bytes)) { continue }
            if Self.wireAccepts(bytes) != foundation {
                disagreements.append(String(decoding: bytes, as: UTF8.self).debugDescription)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
