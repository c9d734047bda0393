import Foundation
import RewardCore
import Testing

@testable import Rescore

/// A judge that passes everything and counts the calls it gets.
actor CountingJudge: Judge {
    private(set) var calls = 0

    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        calls += 1
        return JudgeVerdict(passed: true, requiresReasoning: request.kind == .thinkJudge ? true : nil, promptTokens: 10, completionTokens: 1)
    }
}

/// With a judge, a resumed run asks only about the lines that are missing: done lines cost no judge call.
@Suite("rescore with a judge")
struct JudgedResumeTests {
    static func judged(_ judge: CountingJudge) -> EngineChunkScorer {
        EngineChunkScorer(engine: RewardEngine(judge: judge), options: ScoringOptions(), concurrency: 4)
    }

    @Test func resumeJudgesOnlyTheMissingLines() async throws {
        let directory = try TemporaryDirectory()
        var input = Fixtures.rollouts(16)
        input[3] = #"{"id":"unlabelled","response":"<judge>think</judge><think>3+4=7</think>\\boxed{7}","ground_truth":"7"}"#
        try directory.write("in.jsonl", input.joined(separator: "\n"))
        let first = CountingJudge()
        let complete = try await Fixtures.rescore(directory, output: "complete.jsonl", scorer: Self.judged(first))
        let expected = directory.lines("complete.jsonl")
        let misses = try expected.map { try Fixtures.record($0).result.cacheMisses }
        #expect(await first.calls == misses.reduce(0, +))
        #expect(complete.summary.cacheMisses == misses.reduce(0, +))
        #expect(complete.summary.judgeTokens == 11 * misses.reduce(0, +))

        try directory.write("out.jsonl", expected.prefix(9).joined(separator: "\n") + "\n" + expected[9].prefix(30))
        let second = CountingJudge()
        let resumed = try await Fixtures.rescore(directory, scorer: Self.judged(second)) { $0.resume = true }
        #expect(await second.calls == misses.dropFirst(9).reduce(0, +))
        #expect(await second.calls > 0)
        #expect(directory.lines("out.jsonl").map(Fixtures.withoutLatency) == expected.map(Fixtures.withoutLatency))
        #expect(resumed.summary.cacheMisses == complete.summary.cacheMisses)
    }
}
