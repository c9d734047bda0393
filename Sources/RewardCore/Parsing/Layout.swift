/// How a response lays out its reasoning and its answer; chosen per server, request or rollout.
public enum Layout: String, Sendable, Hashable, CaseIterable, Codable {
    /// SAIL-RL: `<judge>` decision, `<think>` block, then the answer in `\boxed{}`.
    case sail
    /// `<think>…</think><answer>…</answer>`: the answer is the `<answer>` content (or a box inside it).
    case r1
    /// Plain RLVR: an optional `<think>` block, then a final `\boxed{}`.
    case boxed
    /// GLM-4.1V: `<think>…</think><answer>` holding `<|begin_of_box|>…<|end_of_box|>`.
    case glm

    /// Whether the layout has a decision block, so that the `judge` component means something.
    public var hasDecisionBlock: Bool { self == .sail }
}

/// Where the final answer is looked for when a layout expects a box (`sail`, `boxed`).
public enum Extraction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Only the last complete `\boxed{}` (the default): no box, no answer.
    case boxed
    /// The last box, else the last display or inline math span, else a final "the answer is X";
    /// never past an unclosed last box. The format reward still asks for the box.
    case lenient
}
