import Foundation
import Testing

@testable import RewardCore

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: UInt64 = 1_000

    var now: @Sendable () -> UInt64 { { [self] in lock.withLock { time } } }

    func advance(seconds: Double) { lock.withLock { time += UInt64(seconds * 1_000_000_000) } }
}

/// A judge whose cache holds the verdicts of some kinds: `cachedVerdict` answers those without a call.
actor CachingJudge: Judge {
    let cachedKinds: Set<VerdictKind>
    private(set) var calls = 0

    init(cachedKinds: Set<VerdictKind>) { self.cachedKinds = cachedKinds }

    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        if let cached = await cachedVerdict(for: request) { return cached }
        calls += 1
        return JudgeVerdict(passed: true, promptTokens: 50, completionTokens: 1)
    }

    func cachedVerdict(for request: JudgeRequest) async -> JudgeVerdict? {
        cachedKinds.contains(request.kind) ? JudgeVerdict(passed: true, promptTokens: 50, completionTokens: 1, fromCache: true) : nil
    }
}

@Suite("Judge token budgets: per rolling window and per request")
struct JudgeBudgetTests {
    static let thinking = Rollout(
        id: .string("r"), prompt: "3+4?", response: "<judge>think</judge><think>3 + 4 = 7</think>\\boxed{7}",
        groundTruths: ["7"], requiresReasoning: true)

    @Test("past the window's budget rollouts abstain without a call, and score again once the window has moved on")
    func windowExhaustionAndRecovery() async {
        let judge = ScriptedJudge()
        let clock = ManualClock()
        var engine = RewardEngine(judge: judge, nanoseconds: clock.now)
        // Three verdicts of 11 tokens fill the budget exactly.
        engine.judgeBudget = JudgeTokenBudget(limit: 33, windowSeconds: 60)
        let first = await engine.score(Self.thinking, options: ScoringOptions())
        #expect(first.reward == 1)
        clock.advance(seconds: 30)
        let second = await engine.score(Self.thinking, options: ScoringOptions())
        #expect(second.reward == nil)
        #expect(second.error?.code == .judgeBudgetExhausted)
        #expect(second.error?.message.contains("judge_budget_tokens 33 per 60 s") == true)
        #expect(second.cacheMisses == 0)
        #expect(await judge.calls.count == 3)
        clock.advance(seconds: 31)
        let third = await engine.score(Self.thinking, options: ScoringOptions())
        #expect(third.reward == 1)
        #expect(await judge.calls.count == 6)
        #expect(await engine.judgeBudget?.used(at: clock.now()) == 33)
    }

    @Test("a request's max_judge_tokens stops its later rollouts; the next request starts afresh")
    func requestBudget() async {
        let judge = ScriptedJudge()
        let engine = RewardEngine(judge: judge, batchConcurrency: 1)
        var options = ScoringOptions()
        options.maxJudgeTokens = 20
        let batch = await engine.scoreBatch([Self.thinking, Self.thinking, Self.thinking], options: options)
        #expect(batch.results.map(\.reward) == [1, nil, nil], "\(batch.results.map(\.error))")
        #expect(batch.results[1].error?.code == .judgeBudgetExhausted)
        #expect(batch.results[1].error?.message.contains("max_judge_tokens 20") == true)
        let next = await engine.scoreBatch([Self.thinking], options: options)
        #expect(next.results[0].reward == 1)
        #expect(await judge.calls.count == 6)
    }

    @Test("a spent budget still serves cached verdicts; only uncached ones abstain")
    func cachedVerdictsStillServed() async {
        let judge = CachingJudge(cachedKinds: [.logic, .grounding, .consistency])
        var engine = RewardEngine(judge: judge)
        engine.judgeBudget = JudgeTokenBudget(limit: 0, windowSeconds: 60)
        let cached = await engine.score(Self.thinking, options: ScoringOptions())
        #expect(cached.reward == 1)
        #expect(cached.cacheHits == 3)
        let unlabelled = Rollout(id: nil, prompt: "3+4?", response: Self.thinking.response, groundTruths: ["7"])
        let needsThinkJudge = await engine.score(unlabelled, options: ScoringOptions())
        #expect(needsThinkJudge.error?.code == .judgeBudgetExhausted)
        #expect(await judge.calls == 0)
    }

    @Test("an expired charge leaves the window; the budget never goes negative")
    func windowArithmetic() async {
        let budget = JudgeTokenBudget(limit: 100, windowSeconds: 10)
        await budget.charge(60, at: 0)
        await budget.charge(30, at: 5_000_000_000)
        #expect(await budget.hasRoom(at: 6_000_000_000))
        await budget.charge(20, at: 6_000_000_000)
        #expect(await !budget.hasRoom(at: 9_999_999_999))
        #expect(await budget.used(at: 10_000_000_000) == 50)
        #expect(await budget.hasRoom(at: 10_000_000_000))
        #expect(await budget.used(at: 100_000_000_000) == 0)
    }
}

@Suite("Verdict provenance: each verdict's kind, cache use, model, text, tokens and agreement")
struct VerdictProvenanceTests {
    @Test("a result records its verdicts in order and writes them only when asked, raw text cut to the limit")
    func provenanceWritten() async throws {
        let judge = ScriptedJudge()
        let rollout = Rollout(
            id: .string("p"), prompt: "3+4?", response: "<judge>think</judge><think>3 + 4 = 7</think>\\boxed{7}", groundTruths: ["7"])
        let result = await RewardEngine(judge: judge).score(rollout, options: ScoringOptions())
        #expect(result.verdicts.map(\.kind) == ["think_judge", "logic", "grounding", "consistency"])
        #expect(!String(decoding: result.jsonBytes(), as: UTF8.self).contains("\"judge\":["))
        let bytes = result.jsonBytes(verdictTextLimit: 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let verdicts = try #require(object["judge"] as? [[String: Any]])
        #expect(verdicts.count == 4)
        #expect(verdicts[0]["kind"] as? String == "think_judge")
        #expect(verdicts[0]["requires_reasoning"] as? Bool == true)
        #expect(verdicts[1]["model"] as? String == "scripted")
        #expect(verdicts[1]["raw_text"] as? String == "TR")
        #expect(verdicts[1]["raw_text_truncated"] as? Bool == true)
        #expect(verdicts[1]["prompt_tokens"] as? Int == 10)
        #expect(verdicts[1]["cache_hit"] as? Bool == false)
        #expect(verdicts[1]["agreement"] as? Double == 1)
    }

    @Test("include is read from config or beside the rollouts; an unknown part is an error naming the field")
    func includeRead() throws {
        let batch = try Wire.readRewardRequest(Array(#"{"rollouts": [{"response": "x"}], "include": ["judge"]}"#.utf8))
        #expect(try batch.config?.scoringOptions().include == [.judge])
        #expect(batch.warnings.isEmpty)
        let single = try Wire.readRewardRequest(Array(#"{"response": "x", "config": {"include": ["judge"]}}"#.utf8))
        #expect(try single.config?.scoringOptions().include == [.judge])
        #expect(single.items[0].warnings.isEmpty)
        let bad = try Wire.readRewardRequest(Array(#"{"response": "x", "include": ["votes"]}"#.utf8))
        #expect(throws: RewardError.self) { try bad.config?.scoringOptions() }
        do {
            _ = try bad.config?.scoringOptions()
        } catch {
            #expect(error.field == "config.include")
            #expect(error.code == .invalidValue)
        }
    }
}
