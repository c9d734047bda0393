/// Conformance pairs (line numbers of `math_answers.jsonl`) where this checker and Math-Verify
/// 0.9.0 differ, each with a one-line reason. The conformance test fails when the set changes.
enum MathDisagreements {
    static let accepted: [Int: String] = [
        177: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        178: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        476: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        478: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        484: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        546: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        548: "issue 13: a one-variable inequality or membership and the set it describes are one answer (`0 < t \\le 5` = `t \\in (0,5]` = `(0,5]`); Math-Verify keeps them apart on purpose",
        212: "the gold's `\\boxed{` is never closed, so there is no gold answer to compare with",
        342: "relative difference 8e-8 is inside the 1e-6 relative tolerance the spec asks for; Math-Verify rounds absolutely",
        343: "relative difference 8e-8 is inside the 1e-6 relative tolerance the spec asks for; Math-Verify rounds absolutely",
        350: "0.666666 is exactly 1e-6 away from 2/3 relatively, inside the window (as 0.333333 is for 1/3 on line 346)",
        399: "50% is 0.5, not 50 (the same rule that makes the mv_suspect line 590, 10 against 10%, wrong)",
        400: "50 is not 50% = 0.5 (the same rule as the mv_suspect line 590)",
    ]
}
