/// Why the answer component is 0; the raw values are the API's reason codes.
public enum AnswerReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The answer parses but does not match the ground truth.
    case notEquivalent = "not_equivalent"
    /// A bound on size, depth or work was hit before the comparison could finish.
    case tooComplex = "too_complex"
    /// The answer or the ground truth could not be parsed as mathematics.
    case unparseable
    /// The ground truth is empty.
    case emptyGroundTruth = "empty_ground_truth"
    /// A choice ground truth names no option letter.
    case unparseableGroundTruth = "unparseable_ground_truth"
    /// A choice answer names several options.
    case severalOptions = "several_options"
    /// A choice answer names no option.
    case noOption = "no_option"
    /// No complete, non-empty `\boxed{}` in the answer section.
    case missingBoxed = "missing_boxed"
    /// The last `\boxed{` is never closed, so there is no final answer.
    case unclosedLastBox = "unclosed_last_box"
    /// A box is empty.
    case emptyBox = "empty_box"
    /// Several boxes that do not all say the same thing (hedging).
    case conflictingBoxes = "conflicting_boxes"
    /// The LLM answer judge said the answer is wrong.
    case judgeSaysWrong = "judge_says_wrong"
    /// `r1`, `glm`: no complete `<answer>` block.
    case missingAnswer = "missing_answer"
    /// `r1`, `glm`: the last `<answer>` is never closed, so there is no final answer.
    case unclosedAnswer = "unclosed_answer"
    /// `r1`, `glm`: the `<answer>` block (or its box) is empty.
    case emptyAnswer = "empty_answer"
    /// A graded answer scored below the rollout's `answer_threshold`.
    case belowThreshold = "below_threshold"
    /// The answer holds nothing of the asked shape (prose for a box, no number for a count).
    case noPrediction = "no_prediction"
    /// Several different boxes, points, spans, counts or orderings where one is asked (no best-of-N).
    case severalPredictions = "several_predictions"
    /// A bracketed group of the wrong size, such as three numbers for a box.
    case malformedPrediction = "malformed_prediction"
    /// A coordinate or time that is NaN, infinite or beyond 1e7 in magnitude.
    case invalidNumber = "invalid_number"
    /// A predicted box with no area: x2 <= x1 or y2 <= y1.
    case degenerateBox = "degenerate_box"
    /// A predicted coordinate outside the image (known size or normalised coordinates).
    case outsideImage = "outside_image"
    /// A predicted span that ends before it starts, or starts before 0.
    case invalidSpan = "invalid_span"
    /// An ordering that is not a permutation of the ground truth's items.
    case notAPermutation = "not_a_permutation"
    /// More predicted boxes (1,000) or bracketed groups (about 2,000) than a graded answer may hold.
    case tooManyPredictions = "too_many_predictions"
    /// `code`: no fenced code block (nor a box or answer block) holds a program.
    case noCode = "no_code"
    /// `code`: a test's output differs from the expected one.
    case testsFailed = "tests_failed"
    /// `code`: the program exited with a non-zero status or was killed.
    case runtimeError = "runtime_error"
    /// `code`: the program hit its CPU or wall-clock limit.
    case timeout
    /// `code`: the program printed more than the sandbox's output cap.
    case outputLimit = "output_limit"
}
