import FakeJudgeServer
import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// Calls the judge is spared: overlapping identical requests, cached verdicts; and calls it is not spared.
@Suite struct DeduplicationAndCacheTests {
    @Test func identicalConcurrentRequestsMakeOneCall() async throws {
        let script = JudgeScript()
        await script.setLatency(0.3)
        let verdicts = try await FakeJudgeServer.run(script) { url in
            let judge = try Fixtures.judge(Fixtures.configuration(url))
            return try await withThrowingTaskGroup(of: JudgeVerdict.self) { group in
                for _ in 0..<20 { group.addTask { try await judge.verdict(for: Fixtures.logic) } }
                return try await group.reduce(into: [JudgeVerdict]()) { $0.append($1) }
            }
        }
        #expect(verdicts.count == 20)
        #expect(verdicts.allSatisfy { $0.passed })
        #expect(await script.calls == 1)
    }

    @Test func differentRequestsAreNotMerged() async throws {
        let script = JudgeScript()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Fixtures.judge(Fixtures.configuration(url))
            var other = Fixtures.logic
            other.reasoning += " "
            _ = try await judge.verdict(for: Fixtures.logic)
            _ = try await judge.verdict(for: other)
            var grounding = Fixtures.logic
            grounding.kind = .grounding
            _ = try await judge.verdict(for: grounding)
        }
        #expect(await script.calls == 3)
    }

    @Test func aSecondIdenticalRequestIsServedFromTheSQLiteCache() async throws {
        let script = JudgeScript()
        await script.setDefaults(verdict: "FALSE")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID()).sqlite").path
        try await FakeJudgeServer.run(script) { url in
            let first = try await Fixtures.judge(Fixtures.configuration(url), cache: SQLiteVerdictCache(path: path))
                .verdict(for: Fixtures.logic)
            // A new judge and a new connection: what counts is what the file holds.
            let second = try await Fixtures.judge(Fixtures.configuration(url), cache: SQLiteVerdictCache(path: path))
                .verdict(for: Fixtures.logic)
            #expect(!first.fromCache && second.fromCache)
            #expect(first.passed == second.passed && !second.passed)
            #expect(second.rawText == "FALSE" && second.model == "scripted-judge" && second.promptTokens == 100)
        }
        #expect(await script.calls == 1)
    }

    @Test func anEditedPromptFileMakesNewCalls() async throws {
        let script = JudgeScript()
        let prompts = try Fixtures.copiedPrompts()
        let cache = InMemoryVerdictCache()
        try await FakeJudgeServer.run(script) { url in
            let configuration = Fixtures.configuration(url, prompts: prompts)
            _ = try await Fixtures.judge(configuration, cache: cache).verdict(for: Fixtures.logic)
            _ = try await Fixtures.judge(configuration, cache: cache).verdict(for: Fixtures.logic)
            #expect(await script.calls == 1)

            let file = prompts + "/logic.txt"
            let edited = try String(contentsOfFile: file, encoding: .utf8)
                .replacingOccurrences(of: "logically sound", with: "sound in every step")
            try edited.write(toFile: file, atomically: true, encoding: .utf8)
            let verdict = try await Fixtures.judge(configuration, cache: cache).verdict(for: Fixtures.logic)
            #expect(!verdict.fromCache)
            #expect(await script.calls == 2)
            let requests = try await script.requests()
            let lastSystem = try #require(requests.last.flatMap(Self.systemText))
            #expect(lastSystem.contains("sound in every step"))
        }
    }

    @Test func votesTakeTheMajorityAndReportAgreement() async throws {
        let script = JudgeScript()
        await script.enqueue(.verdict("TRUE"), .verdict("FALSE"), .verdict("TRUE"))
        let verdict = try await FakeJudgeServer.run(script) { url in
            try await Fixtures.judge(Fixtures.configuration(url, votes: 3)).verdict(for: Fixtures.logic)
        }
        #expect(verdict.passed)
        #expect(abs(verdict.agreement - 2.0 / 3.0) < 1e-9)
        #expect(verdict.promptTokens == 300)
        #expect(await script.calls == 3)
    }

    static func systemText(_ request: [String: Any]) -> String? {
        let messages = request["messages"] as? [[String: Any]]
        return messages?.first { $0["role"] as? String == "system" }?["content"] as? String
    }
}
