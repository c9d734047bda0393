import RewardCore

/// Realistic rollouts: about 2 KB of reasoning and a numeric boxed answer in several spellings.
enum Workload {
    static let answers: [(boxed: String, truth: String)] = [
        ("126", "126"), ("1,234", "1234"), ("\\frac{3}{4}", "0.75"), ("-12.5", "-12.5"), ("2.5\\times10^{3}", "2500"),
        ("3/4", "\\frac{3}{4}"), ("42\\%", "42"), ("127", "126"),
    ]

    static func rollout(_ index: Int) -> Rollout {
        let (boxed, truth) = answers[index % answers.count]
        let think = index % 3 != 0
        var reasoning = ""
        var step = 1
        while reasoning.utf8.count < 1900 {
            reasoning += "Step \(step): we have \(17 + index % 50) + \(25 + step) = \(42 + index % 50 + step), then multiply by 3. "
            step += 1
        }
        let response = think
            ? "<judge>think</judge>\n<think>\n\(reasoning)\n</think>\nSo the final answer is \\boxed{\(boxed)}."
            : "<judge>direct</judge>\n<think>\n\n</think>\n\(String(reasoning.prefix(1900)))\nThe answer is \\boxed{\(boxed)}."
        return Rollout(
            id: .integer(index), prompt: "Compute the value.", response: response, groundTruths: [truth],
            requiresReasoning: index % 2 == 0, group: "p\(index / 8)"
        )
    }

    /// A `{"rollouts": [...]}` body for `count` rollouts.
    static func batchBody(count: Int, offset: Int = 0) -> [UInt8] {
        var writer = JSONWriter(capacity: count * 2300)
        writer.raw("{")
        writer.key("rollouts")
        writer.raw("[")
        for index in 0..<count {
            let rollout = rollout(offset + index)
            writer.comma(index > 0)
            writer.raw("{")
            writer.key("id")
            writer.number(offset + index)
            writer.raw(",")
            writer.key("prompt")
            writer.string(rollout.prompt)
            writer.raw(",")
            writer.key("response")
            writer.string(rollout.response)
            writer.raw(",")
            writer.key("ground_truth")
            writer.string(rollout.groundTruths![0])
            writer.raw(",")
            writer.key("requires_reasoning")
            writer.bool(rollout.requiresReasoning!)
            writer.raw(",")
            writer.key("group")
            writer.string(rollout.group)
            writer.raw("}")
        }
        writer.raw("]}")
        return writer.bytes
    }
}
