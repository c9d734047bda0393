import Foundation
import RewardCore

/// Writes a JSONL file of generated rollouts: about 1 KB of reasoning, numeric answers in several spellings,
/// labels, groups of 8, and one bad line in a thousand (missing `response`), streamed so memory stays flat.
enum Generator {
    static let answers: [(boxed: String, truth: String)] = [
        ("126", "126"), ("1,234", "1234"), ("\\frac{3}{4}", "0.75"), ("-12.5", "-12.5"), ("2.5\\times10^{3}", "2500"),
        ("3/4", "\\frac{3}{4}"), ("42\\%", "42"), ("127", "126"),
    ]

    static func line(_ index: Int, into writer: inout JSONWriter) {
        let (boxed, truth) = answers[index % answers.count]
        writer.raw("{")
        writer.key("id")
        writer.string("r\(index)")
        writer.raw(",")
        writer.key("prompt")
        writer.string("Compute the value of expression \(index % 977).")
        writer.raw(",")
        if index % 1000 != 999 {
            var reasoning = ""
            var step = 1
            while reasoning.utf8.count < 900 + index % 200 {
                reasoning += "Step \(step): we have \(17 + index % 50) + \(25 + step) = \(42 + index % 50 + step), then multiply by 3.\n"
                step += 1
            }
            let response = index % 3 != 0
                ? "<judge>think</judge>\n<think>\n\(reasoning)</think>\nSo the final answer is \\boxed{\(boxed)}."
                : "<judge>direct</judge>\n<think>\n\n</think>\nThe answer is \\boxed{\(boxed)}."
            writer.key("response")
            writer.string(response)
            writer.raw(",")
        }
        writer.key("ground_truth")
        writer.string(truth)
        writer.raw(",")
        writer.key("requires_reasoning")
        writer.bool(index % 2 == 0)
        writer.raw(",")
        writer.key("group")
        writer.string("p\(index / 8)")
        writer.raw(",")
        writer.key("meta")
        writer.raw(#"{"step":12,"policy":"ckpt-3","sampling":{"temperature":1.0,"top_p":0.95}}"#)
        writer.raw("}\n")
    }

    /// Writes `count` lines to `path`; returns the file's size in bytes.
    static func write(count: Int, to path: String) throws -> Int {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var written = 0
        var start = 0
        while start < count {
            var writer = JSONWriter(capacity: 4 << 20)
            for index in start..<min(count, start + 2048) { line(index, into: &writer) }
            try handle.write(contentsOf: writer.bytes)
            written += writer.bytes.count
            start += 2048
        }
        return written
    }
}
