import FakeJudgeServer
import Foundation
import RefereeServer
import RewardCore
import Testing

@Suite("referee judge-eval: labelled cases through a judge, compared per kind")
struct JudgeEvalTests {
    /// The labelled set shipped with the repository, found from this file's path.
    static let shippedSet = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/judge-eval/labelled-cases.jsonl")

    static func line(_ id: String, reasoning: String, expected: String) -> String {
        #"{"id": "\#(id)", "prompt": "What is 3 + 4?", "response": "<judge>think</judge><think>\#(reasoning)</think>So \\boxed{7}.", "ground_truth": "7", "expected": \#(expected)}"#
    }

    @Test("against the fake judge: accuracy, kappa, confusion matrix, failures and tokens are what the script makes them")
    func knownAccuracy() async throws {
        let script = JudgeScript()
        await script.answer("maybe", whenBodyContains: "GARBLE")
        await script.answer("FALSE", whenBodyContains: "FLAW")
        var lines: [String] = []
        // Flaws the judge catches: labelled FALSE, judged FALSE.
        for index in 0..<5 { lines.append(Self.line("caught-\(index)", reasoning: "3 + 4 = 7, FLAW \(index)", expected: #"{"logic": false}"#)) }
        // Sound reasoning: labelled TRUE, judged TRUE.
        for index in 0..<3 { lines.append(Self.line("sound-\(index)", reasoning: "3 + 4 = 7 (\(index))", expected: #"{"logic": true}"#)) }
        // Flaws the judge misses: labelled FALSE, judged TRUE.
        for index in 0..<2 { lines.append(Self.line("missed-\(index)", reasoning: "3 + 4 = 7, subtly off \(index)", expected: #"{"logic": false}"#)) }
        lines.append(Self.line("unreadable", reasoning: "GARBLE", expected: #"{"logic": true, "think_judge": true}"#))
        let cases = try JudgeEvaluation.cases(jsonl: Array((lines.joined(separator: "\n") + "\n\n").utf8))
        #expect(cases.count == 11)
        let judge = try await FakeJudgeServer.start(script)
        var configuration = RefereeConfiguration()
        configuration.judgeURL = judge.baseURL
        configuration.judgeModel = "fake"
        configuration.cachePath = FileManager.default.temporaryDirectory.appendingPathComponent("judge-eval-\(UUID()).sqlite").path
        let reports = try await withEngine(configuration) { engine in
            try await JudgeEvaluation.run(cases, judge: engine.judge!, engine: engine, options: ScoringOptions())
        }
        await judge.shutdown()
        #expect(reports.map(\.kind) == ["logic", "think_judge"])
        let logic = reports[0]
        #expect(logic.judged == 10)
        #expect(logic.accuracy == 0.8)
        #expect(abs(logic.kappa! - 0.6) < 1e-9)
        // Labels and verdicts all TRUE: chance agreement is 1 and kappa undefined (printed "-"), not 1.
        var unanimous = logic
        (unanimous.truePositives, unanimous.trueNegatives, unanimous.falsePositives, unanimous.falseNegatives) = (7, 0, 0, 0)
        #expect(unanimous.kappa == nil && unanimous.accuracy == 1)
        #expect([logic.truePositives, logic.falseNegatives, logic.falsePositives, logic.trueNegatives] as [Int] == [3, 0, 2, 5])
        #expect(logic.failures == ["judge_unparseable": 1])
        #expect(logic.tokens == 1010)
        #expect(logic.meanAgreement == 1)
        // The think-judge's prompt holds no reasoning, so GARBLE does not reach it: the default JSON answers.
        #expect(reports[1].judged == 1 && reports[1].truePositives == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(KindReport.json(reports))) as? [String: Any])
        let kinds = try #require(json["kinds"] as? [[String: Any]])
        #expect(kinds[0]["accuracy"] as? Double == 0.8)
        #expect((kinds[0]["confusion"] as? [String: Int])?["labelled_false_judged_true"] == 2)
        #expect(KindReport.text(reports).contains("logic: 10 judged (no verdict: judge_unparseable 1), accuracy 0.8, kappa 0.6"))
    }

    @Test("a line without expected, or with an unknown kind, is an error naming it")
    func badCases() async throws {
        #expect(throws: RewardError.self) { try JudgeEvaluation.cases(jsonl: Array(#"{"response": "x"}"#.utf8)) }
        let cases = try JudgeEvaluation.cases(jsonl: Array(#"{"response": "x", "expected": {"reflection": true}}"#.utf8))
        await #expect(throws: RewardError.self) {
            try await JudgeEvaluation.run(cases, judge: NeverJudge(), engine: RewardEngine(), options: ScoringOptions())
        }
    }

    @Test("the shipped labelled set: at least 40 cases per built-in kind, both labels in each, every request buildable")
    func shippedSet() throws {
        let cases = try JudgeEvaluation.cases(jsonl: Array(try Data(contentsOf: Self.shippedSet)))
        var labels: [String: [Bool]] = [:]
        for item in cases {
            for (kind, passed) in item.expected {
                labels[kind, default: []].append(passed)
                #expect(RewardEngine().judgeRequest(kind, for: item.rollout, options: ScoringOptions()) != nil, "\(item.id) \(kind)")
            }
        }
        for kind in VerdictKind.builtIn.map(\.rawValue) {
            let kindLabels = labels[kind] ?? []
            #expect(kindLabels.count >= 40, "\(kind): \(kindLabels.count) cases")
            #expect(kindLabels.contains(true) && kindLabels.contains(false), "\(kind)")
        }
        #expect(Set(cases.map(\.id)).count == cases.count, "ids are unique")
    }
}

/// A judge that must not be asked.
struct NeverJudge: Judge {
    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        Issue.record("the judge was asked")
        return JudgeVerdict(passed: true)
    }
}
