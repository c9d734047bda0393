import Foundation
import RewardCore
import Testing

@testable import Rescore

@Suite("ResultDiff")
struct ResultDiffTests {
    static func line(_ line: Int, id: String?, reward: Double?, answer: Double?, judge: Double? = 1, error: String? = nil) -> String {
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
        let idText = id.map { "\"\($0)\"" } ?? "null"
        let errorText = error.map { #"{"code":"\#($0)","message":"m"}"# } ?? "null"
        return #"{"line":\#(line),"requires_reasoning":true,"id":\#(idText),"reward":\#(number(reward)),"components":{"format":1,"answer":\#(number(answer)),"judge":\#(number(judge)),"think":null,"logic":null,"grounding":null,"consistency":null},"decision":"think","error":\#(errorText)}"#
    }

    @Test func countsFlipsDeltasAndChangedIDs() throws {
        let directory = try TemporaryDirectory()
        let old = try directory.write("old.jsonl", [
            Self.line(1, id: "a", reward: 0.1, answer: 0), Self.line(2, id: "b", reward: 1, answer: 1),
            Self.line(3, id: "c", reward: nil, answer: 1, judge: nil, error: "judge_timeout"), Self.line(4, id: "d", reward: 1, answer: 1),
        ].joined(separator: "\n"))
        let new = try directory.write("new.jsonl", [
            Self.line(3, id: "c", reward: 0.1, answer: 1, judge: 0), Self.line(1, id: "a", reward: 1, answer: 1),
            Self.line(2, id: "b", reward: 1, answer: 1), Self.line(5, id: "e", reward: 0, answer: 0),
        ].joined(separator: "\n") + "\n")
        let diff = try ResultDiff(old: old, new: new)
        #expect(diff.joinedBy == "id")
        #expect((diff.joined, diff.onlyOld, diff.onlyNew) == (3, 1, 1))
        #expect(diff.components[1] == ResultDiff.Movement(up: 1))
        #expect(diff.components[2] == ResultDiff.Movement(fromNull: 1))
        #expect(diff.components[0] == ResultDiff.Movement())
        #expect(diff.reward == ResultDiff.Movement(up: 1, fromNull: 1))
        #expect(diff.changed == ["c", "a"])
        #expect(diff.largest?.key == "a")
        #expect(abs((diff.largest?.delta ?? 0) - 0.9) < 1e-12)
        #expect(abs((diff.meanRewardDelta ?? 0) - 0.45) < 1e-12)
        let json = try JSONParser.parse(diff.json())
        #expect(json["changed"] == .array([.string("c"), .string("a")]))
        #expect(json["components"]?["answer"]?["up"]?.integer == 1)
        #expect(diff.text().contains("largest +0.9000 at a"))
    }

    @Test func joinsByLineWhenIDsAreMissing() throws {
        let directory = try TemporaryDirectory()
        let old = try directory.write("old.jsonl", [Self.line(1, id: nil, reward: 1, answer: 1), Self.line(2, id: nil, reward: 1, answer: 1)].joined(separator: "\n"))
        let new = try directory.write("new.jsonl", [Self.line(2, id: nil, reward: 0.1, answer: 0), Self.line(1, id: nil, reward: 1, answer: 1)].joined(separator: "\n"))
        let diff = try ResultDiff(old: old, new: new)
        #expect(diff.joinedBy == "line")
        #expect(diff.changed == ["line 2"])
        #expect(diff.components[1] == ResultDiff.Movement(down: 1))
    }

    @Test func joinsLinesWithoutAnIDByTheirLineNumber() throws {
        let directory = try TemporaryDirectory()
        let lines = [Self.line(1, id: "a", reward: 1, answer: 1), Self.line(2, id: nil, reward: nil, answer: nil, error: "invalid_json")]
        let old = try directory.write("old.jsonl", lines.joined(separator: "\n"))
        let new = try directory.write("new.jsonl", [Self.line(1, id: "a", reward: 0.1, answer: 0), lines[1]].joined(separator: "\n"))
        let diff = try ResultDiff(old: old, new: new)
        #expect(diff.joinedBy == "id")
        #expect((diff.joined, diff.onlyOld, diff.onlyNew) == (2, 0, 0))
        #expect(diff.changed == ["a"])
    }

    @Test func namesTheLineThatIsNotAResult() throws {
        let directory = try TemporaryDirectory()
        let old = try directory.write("old.jsonl", Self.line(1, id: "a", reward: 1, answer: 1) + "\nnonsense\n")
        #expect {
            _ = try ResultDiff(old: old, new: old)
        } throws: { error in
            "\(error)".contains("old.jsonl line 2")
        }
    }

    @Test func diffsTwoRescoreRunsOfTheSameInput() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Fixtures.rollouts(8).joined(separator: "\n"))
        _ = try await Fixtures.rescore(directory, output: "old.jsonl")
        let answerOnly = EngineChunkScorer(engine: .init(), options: ScoringOptions(formula: .answerOnly), concurrency: 1)
        _ = try await Fixtures.rescore(directory, output: "new.jsonl", scorer: answerOnly)
        let diff = try ResultDiff(old: directory.file("old.jsonl"), new: directory.file("new.jsonl"))
        #expect(diff.joined == 8)
        // The sail formula gave 0.1 to a right answer after a wrong decision (q1, q5, q6, q7) and to a wrong
        // answer (q0, q4); the answer-only formula gives 1 and 0.
        #expect(diff.reward == ResultDiff.Movement(up: 4, down: 2))
        #expect(diff.changed == ["q0", "q1", "q4", "q5", "q6", "q7"])
        #expect(diff.components.allSatisfy { $0 == ResultDiff.Movement() })
    }
}
