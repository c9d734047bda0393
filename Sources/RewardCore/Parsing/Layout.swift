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
