/// Why a response failed the format check; the raw values are the API's reason codes.
public enum FormatReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// No `<judge>` block.
    case missingJudge = "missing_judge"
    /// `<judge>` opened but never closed.
    case unclosedJudge = "unclosed_judge"
    /// More than one `<judge>` block.
    case duplicateJudge = "duplicate_judge"
    /// No `<think>` block.
    case missingThink = "missing_think"
    /// `<think>` opened but never closed.
    case unclosedThink = "unclosed_think"
    /// More than one `<think>` block.
    case duplicateThink = "duplicate_think"
    /// The think block comes before the judge block.
    case order
    /// Text other than whitespace before `<judge>`.
    case textBeforeJudge = "text_before_judge"
    /// Text other than whitespace between `</judge>` and `<think>`.
    case textBetweenBlocks = "text_between_blocks"
    /// The judge block names no known decision.
    case unknownDecision = "unknown_decision"
    /// The decision is direct but the think block has content.
    case thinkNotEmptyForDirect = "think_not_empty_for_direct"
    /// The decision is think but the think block is empty.
    case emptyThink = "empty_think"
    /// No complete, non-empty `\boxed{}` in the answer section.
    case missingBoxed = "missing_boxed"
    /// The last `\boxed{` in the answer section is never closed.
    case unbalancedBoxed = "unbalanced_boxed"
    /// A layout tag outside its one block, or one the layout does not use.
    case strayTag = "stray_tag"
    /// `r1`, `boxed`, `glm`: text other than whitespace before `<think>`.
    case textBeforeThink = "text_before_think"
    /// `r1`, `glm`: no `<answer>` block.
    case missingAnswer = "missing_answer"
    /// `r1`, `glm`: `<answer>` opened but never closed.
    case unclosedAnswer = "unclosed_answer"
    /// `r1`, `glm`: more than one `<answer>` block.
    case duplicateAnswer = "duplicate_answer"
    /// `r1`, `glm`: the `<answer>` block holds only whitespace.
    case emptyAnswer = "empty_answer"
    /// `r1`, `glm`: text other than whitespace after `</answer>`.
    case textAfterAnswer = "text_after_answer"
    /// `glm`: the `<answer>` block has no complete `<|begin_of_box|>…<|end_of_box|>`.
    case missingBoxMarkers = "missing_box_markers"
}
