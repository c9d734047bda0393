import Foundation
import RewardCore
import Testing

@testable import Rescore

@Suite("Rescorer")
struct RescorerTests {
    @Test func roundTripWritesTheServersResultForEveryLine() async throws {
        let directory = try TemporaryDirectory()
        let inputs = Fixtures.rollouts(11)
        try directory.write("in.jsonl", inputs.joined(separator: "\n") + "\n")
        let report = try await Fixtures.rescore(directory)
        let lines = directory.lines("out.jsonl")
        #expect(lines.count == inputs.count)
        for (offset, line) in lines.enumerated() {
            let rollout = try Wire.readRollout(Array(inputs[offset].utf8)).rollout.get()
            let expected = String(decoding: RewardEngine().scoreWithRules(rollout, options: ScoringOptions()).jsonBytes(includeAdvantage: false), as: UTF8.self)
            let prefix = #"{"line":\#(offset + 1),"requires_reasoning":\#(offset % 2 == 0),"#
            #expect(Fixtures.withoutLatency(line) == Fixtures.withoutLatency(prefix + expected.dropFirst()))
        }
        #expect(report.summary.lines == 11)
        #expect(report.summary.rewarded == 11)
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.jsonl.errors.jsonl")))
    }

    @Test func ordersOutputByInputUnlessAskedNotTo() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Fixtures.rollouts(8).joined(separator: "\n"))
        _ = try await Fixtures.rescore(directory, output: "ordered.jsonl", scorer: SecondChunkFirst())
        _ = try await Fixtures.rescore(directory, output: "unordered.jsonl", scorer: SecondChunkFirst()) { $0.unordered = true }
        let ordered = try directory.lines("ordered.jsonl").map { try Fixtures.record($0).line }
        let unordered = try directory.lines("unordered.jsonl").map { try Fixtures.record($0).line }
        #expect(ordered == Array(1...8))
        #expect(unordered == [5, 6, 7, 8, 1, 2, 3, 4])
    }

    @Test func reportsBadLinesAndKeepsOneOutputLinePerInputLine() async throws {
        let directory = try TemporaryDirectory()
        let input = [
            Fixtures.rollout(0), "not json", #"{"id":"no-response","prompt":"p","requires_reasoning":true}"#, "",
            #"{"id":7,"response":42}"#, "   ", Fixtures.rollout(1), #"["an array"]"#, String(repeating: "z", count: 300),
        ]
        try directory.write("in.jsonl", input.joined(separator: "\n"))
        let report = try await Fixtures.rescore(directory) { $0.maximumLineBytes = 200 }
        let records = try directory.lines("out.jsonl").map(Fixtures.record)
        #expect(records.map(\.line) == [1, 2, 3, 5, 7, 8, 9])
        #expect(records.map(\.isBadLine) == [false, true, true, true, false, true, true])
        #expect(records[2].label == true)
        #expect(records[2].result.id == .string("no-response"))
        let errors = try directory.lines("out.jsonl.errors.jsonl").map { line in try JSONParser.parse(Array(line.utf8)) }
        #expect(errors.map { $0["line"]?.integer } == [2, 3, 5, 8, 9])
        #expect(errors.map { $0["error"]?["code"]?.string } == ["invalid_json", "missing_field", "wrong_type", "wrong_type", "line_too_long"])
        #expect(errors[1]["error"]?["field"]?.string == "response")
        #expect(report.summary.badLinesByCode == ["invalid_json": 1, "missing_field": 1, "wrong_type": 2, "line_too_long": 1])
        #expect(report.summary.blankLines == 2)
    }

    @Test(arguments: [false, true])
    func strictStopsAtTheFirstBadLineAndResumeFinishes(unordered: Bool) async throws {
        let directory = try TemporaryDirectory()
        var input = Fixtures.rollouts(10)
        input[5] = #"{"id":"broken"}"#
        try directory.write("in.jsonl", input.joined(separator: "\n"))
        await #expect {
            _ = try await Fixtures.rescore(directory) {
                $0.strict = true
                $0.unordered = unordered
            }
        } throws: { error in
            let error = error as? RescoreError
            return error?.code == "strict" && error?.message.contains("line 6") == true && error?.message.contains("missing_field") == true
        }
        let written = try directory.lines("out.jsonl").map { try Fixtures.record($0).line }
        #expect(!written.contains(6))
        if !unordered { #expect(written == [1, 2, 3, 4, 5]) }
        _ = try await Fixtures.rescore(directory) { $0.resume = true }
        #expect(try directory.lines("out.jsonl").map { try Fixtures.record($0).line }.sorted() == Array(1...10))
    }

    @Test func refusesToClobberAnExistingOutput() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Fixtures.rollouts(3).joined(separator: "\n"))
        try directory.write("out.jsonl", "precious\n")
        try directory.write("out.jsonl.errors.jsonl", "precious errors\n")
        await #expect {
            _ = try await Fixtures.rescore(directory)
        } throws: { error in
            (error as? RescoreError)?.code == "output_exists" && "\(error)".contains("--resume") && "\(error)".contains("--overwrite")
        }
        #expect(directory.lines("out.jsonl") == ["precious"])
        #expect(directory.lines("out.jsonl.errors.jsonl") == ["precious errors"])
        _ = try await Fixtures.rescore(directory) { $0.overwrite = true }
        #expect(directory.lines("out.jsonl").count == 3)
        #expect(!FileManager.default.fileExists(atPath: directory.file("out.jsonl.errors.jsonl")), "a clean run leaves no stale errors file")
    }

    @Test func refusesToWriteOverItsInput() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Fixtures.rollouts(3).joined(separator: "\n"))
        await #expect(throws: RescoreError.self) {
            _ = try await Fixtures.rescore(directory, output: "in.jsonl") { $0.overwrite = true }
        }
        #expect(directory.lines("in.jsonl").count == 3)
    }

    @Test func resumeCutsAHalfWrittenLineAndRebuildsTheErrorsFile() async throws {
        let directory = try TemporaryDirectory()
        var input = Fixtures.rollouts(13)
        input[2] = "{oops"
        input[9] = #"{"response":null}"#
        try directory.write("in.jsonl", input.joined(separator: "\n") + "\n")
        let complete = try await Fixtures.rescore(directory, output: "complete.jsonl")
        let expected = directory.lines("complete.jsonl")
        let expectedErrors = directory.lines("complete.jsonl.errors.jsonl")
        // A crash after 7 whole lines and half of the 8th; an errors file that lost track.
        let partial = expected.prefix(7).joined(separator: "\n") + "\n" + expected[7].prefix(40)
        try directory.write("out.jsonl", partial)
        try directory.write("out.jsonl.errors.jsonl", "stale\n")
        let resumed = try await Fixtures.rescore(directory) { $0.resume = true }
        #expect(directory.lines("out.jsonl").map(Fixtures.withoutLatency) == expected.map(Fixtures.withoutLatency))
        #expect(directory.lines("out.jsonl.errors.jsonl") == expectedErrors)
        #expect(resumed.summary.resumedLines == 7)
        var summary = resumed.summary
        summary.resumedLines = 0
        #expect(summary == complete.summary)
    }

    @Test func resumeRefusesAnOutputItDidNotWrite() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", Fixtures.rollouts(3).joined(separator: "\n"))
        try directory.write("out.jsonl", #"{"id":"q0","reward":1}"# + "\n")
        await #expect {
            _ = try await Fixtures.rescore(directory) { $0.resume = true }
        } throws: { error in
            (error as? RescoreError)?.code == "bad_output" && "\(error)".contains("line 1")
        }
    }

    @Test func summarisesRewardsComponentsDecisionsAndWritesJSON() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.jsonl", (Fixtures.rollouts(12) + ["bad"]).joined(separator: "\n"))
        let summary = try await Fixtures.rescore(directory).summary
        // index % 3 == 0 answers directly; even indexes need reasoning; index % 4 == 0 answers 8 (wrong).
        #expect(summary.decisions[0] == [4, 2, 0])
        #expect(summary.decisions[1] == [4, 2, 0])
        #expect(summary.decisionAccuracy == 0.5)
        #expect(summary.components[1].evaluated == 12)
        #expect(summary.components[1].passed == 9)
        #expect(summary.lines == 13)
        #expect(summary.badLines == 1)
        let json = try JSONParser.parse(summary.json(seconds: 1.5))
        #expect(json["lines"]?.integer == 13)
        #expect(json["components"]?["answer"]?["pass_rate"]?.double == 0.75)
        #expect(json["decisions"]?["requires_reasoning"]?["direct"]?.integer == 2)
        #expect(json["bad_lines"]?["by_code"]?["invalid_json"]?.integer == 1)
        #expect(summary.text(seconds: 1.5).contains("decision accuracy on labelled lines: 50.0%"))
    }
}
