import FakeJudgeServer
import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// Faults from the judge: what is retried, how long the client waits, what it finally reports.
@Suite struct RetryTests {
    @Test func serverErrorsAreRetriedWithGrowingBackoff() async throws {
        let script = JudgeScript()
        await script.enqueue(.status(500), .status(503))
        let sleeper = RecordingSleeper()
        let verdict = try await FakeJudgeServer.run(script) { url in
            try await Fixtures.judge(Fixtures.configuration(url), sleeper: sleeper).verdict(for: Fixtures.logic)
        }
        #expect(verdict.passed)
        #expect(await script.calls == 3)
        let waits = await sleeper.waits
        #expect(waits.count == 2)
        // Base 0.01 s doubling, with jitter keeping at least half: the second wait is at least 0.01 s.
        #expect(waits.allSatisfy { $0 > 0 })
        #expect(waits[1] >= 0.01)
    }

    @Test(arguments: ["2", "7"])
    func retryAfterIsHonoured(seconds: String) async throws {
        let script = JudgeScript()
        await script.enqueue(.rateLimited(retryAfter: seconds))
        let sleeper = RecordingSleeper()
        let verdict = try await FakeJudgeServer.run(script) { url in
            try await Fixtures.judge(Fixtures.configuration(url), sleeper: sleeper).verdict(for: Fixtures.logic)
        }
        #expect(verdict.passed)
        #expect(await script.calls == 2)
        #expect(await sleeper.waits == [Double(seconds)!])
    }

    @Test func retryAfterLongerThanAllowedFailsAsRateLimited() async throws {
        let script = JudgeScript()
        await script.enqueue(.rateLimited(retryAfter: "3600"))
        let failure = try await FakeJudgeServer.run(script) { url in
            await #expect(throws: JudgeFailure.self) {
                try await Fixtures.judge(Fixtures.configuration(url)).verdict(for: Fixtures.logic)
            }
        }
        #expect(failure?.cause == .rateLimited)
        #expect(await script.calls == 1)
    }

    @Test func persistentServerErrorsAbstainAndAreNotCached() async throws {
        let script = JudgeScript()
        await script.enqueue(.status(500), .status(500), .status(502), .status(500))
        let cache = InMemoryVerdictCache()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Fixtures.judge(Fixtures.configuration(url), cache: cache)
            let failure = await #expect(throws: JudgeFailure.self) { try await judge.verdict(for: Fixtures.logic) }
            #expect(failure?.cause == .serverError)
            #expect(await script.calls == 4)
            #expect(await cache.count == 0)
            // The failure was not remembered: the same request asks the judge again and now succeeds.
            let verdict = try await judge.verdict(for: Fixtures.logic)
            #expect(verdict.passed && !verdict.fromCache)
            #expect(await script.calls == 5)
        }
    }

    @Test func aSilentJudgeTimesOut() async throws {
        let script = JudgeScript()
        await script.enqueue(.delay(4), .delay(4))
        let sleeper = RecordingSleeper()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Fixtures.judge(Fixtures.configuration(url, timeout: 1, maxRetries: 1), sleeper: sleeper)
            let failure = await #expect(throws: JudgeFailure.self) { try await judge.verdict(for: Fixtures.logic) }
            #expect(failure?.cause == .timeout)
        }
        // One retry after the first timeout. (The server's own call count is not asserted: on a busy
        // machine the client may give up before the server has read the request.)
        #expect(await sleeper.waits.count == 1)
    }

    @Test func aClosedPortIsUnreachable() async throws {
        let failure = try await withClosedPort { url in
            let judge = try Fixtures.judge(Fixtures.configuration(url, maxRetries: 1))
            return await #expect(throws: JudgeFailure.self) { try await judge.verdict(for: Fixtures.logic) }
        }
        #expect(failure?.cause == .unreachable)
    }

    @Test func aClientErrorIsNotRetried() async throws {
        let script = JudgeScript()
        await script.enqueue(.status(401))
        let failure = try await FakeJudgeServer.run(script) { url in
            await #expect(throws: JudgeFailure.self) {
                try await Fixtures.judge(Fixtures.configuration(url)).verdict(for: Fixtures.logic)
            }
        }
        #expect(failure?.cause == .rejected)
        #expect(await script.calls == 1)
    }

    static let unreadable: [ScriptStep] = [
        .rawBody("<html>502 Bad Gateway</html>"),
        .rawBody(#"{"choices": [{"message": {"content": "TR"#),
        .verdict("The reasoning looks fine to me, mostly."),
        .verdict(#"{"is_judgment_correct": true, "requires_reaso"#),
    ]

    @Test(arguments: unreadable)
    func unreadableAnswersAreAskedOnceMoreThenFail(step: ScriptStep) async throws {
        let script = JudgeScript()
        await script.enqueue(step, step)
        let cache = InMemoryVerdictCache()
        let failure = try await FakeJudgeServer.run(script) { url in
            await #expect(throws: JudgeFailure.self) {
                try await Fixtures.judge(Fixtures.configuration(url), cache: cache).verdict(for: Fixtures.logic)
            }
        }
        #expect(failure?.cause == .unparseable)
        #expect(await script.calls == 2)
        #expect(await cache.count == 0)
    }

    @Test(arguments: unreadable)
    func oneUnreadableAnswerIsForgivenWhenTheSecondReads(step: ScriptStep) async throws {
        let script = JudgeScript()
        await script.enqueue(step, .verdict("FALSE"))
        let verdict = try await FakeJudgeServer.run(script) { url in
            try await Fixtures.judge(Fixtures.configuration(url)).verdict(for: Fixtures.logic)
        }
        #expect(!verdict.passed)
        #expect(await script.calls == 2)
    }
}
