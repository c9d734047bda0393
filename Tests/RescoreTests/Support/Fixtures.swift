import Foundation
import RewardCore

@testable import Rescore

/// Inputs and helpers shared by the rescore tests.
enum Fixtures {
    /// A valid rollout line; `index` varies the decision, answer, label and group.
    static func rollout(_ index: Int) -> String {
        let think = index % 3 != 0
        let answer = index % 4 == 0 ? "8" : "7"
        let response = think
            ? "<judge>think</judge><think>3 + 4 = 7, step \(index)</think>The answer is \\\\boxed{\(answer)}."
            : "<judge>direct</judge><think>\\n\\n</think>\\\\boxed{\(answer)}"
        return #"{"id":"q\#(index)","prompt":"3+4?","response":"\#(response)","ground_truth":"7","requires_reasoning":\#(index % 2 == 0),"group":"g\#(index / 4)"}"#
    }

    /// `count` valid lines.
    static func rollouts(_ count: Int, from first: Int = 0) -> [String] {
        (first..<first + count).map(rollout)
    }

    /// Runs rescore in process on `input` inside `directory`, writing `output`.
    static func rescore(
        _ directory: TemporaryDirectory, input: String = "in.jsonl", output: String = "out.jsonl",
        scorer: (any ChunkScorer)? = nil, _ configure: (inout RescoreOptions) -> Void = { _ in }
    ) async throws -> RescoreReport {
        var options = RescoreOptions(input: directory.file(input), output: directory.file(output))
        options.chunkLines = 4
        options.chunksInFlight = 3
        configure(&options)
        return try await Rescorer(options: options, scorer: scorer ?? rulesScorer, log: { _ in }).run()
    }

    static let rulesScorer = EngineChunkScorer(engine: RewardEngine(), options: ScoringOptions(), concurrency: 1)

    /// A line parsed back, for comparisons.
    static func record(_ line: String) throws -> OutputRecord {
        try Array(line.utf8).withUnsafeBufferPointer { try OutputRecord(bytes: $0) }
    }

    /// A result line with its timing removed, so two runs can be compared byte for byte.
    static func withoutLatency(_ line: String) -> String {
        line.replacingOccurrences(of: #","latency_ms":[0-9.e+-]+"#, with: "", options: .regularExpression)
    }
}

/// Lets one chunk finish only after another has, to make completion order deterministic.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}

/// Scores chunk 0 only after chunk 1 is done, so chunk 1 finishes first.
struct SecondChunkFirst: ChunkScorer {
    let gate = Gate()

    func score(_ chunk: InputChunk) async throws -> ChunkOutput {
        if chunk.sequence == 0 { await gate.wait() }
        let output = try await Fixtures.rulesScorer.score(chunk)
        if chunk.sequence == 1 { await gate.open() }
        return output
    }
}
