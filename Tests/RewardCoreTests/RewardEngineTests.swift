import AnswerCheck
import Testing

@testable import RewardCore

@Suite("The engine: components, short-circuit and abstention")
struct RewardEngineTests {
    static let thinkRight = "<judge>think</judge><think>3 + 4 = 7</think>The answer is \\boxed{7}."
    static let thinkWrong = "<judge>think</judge><think>3 + 4 = 8</think>\\boxed{8}"
    static let directRight = "<judge>direct</judge><think>\n\n</think>\\boxed{7}"

    func rollout(_ response: String, truth: [String]? = ["7"], label: Bool? = true, type: AnswerType = .auto) -> Rollout {
        Rollout(id: .string("r"), prompt: "3+4?", response: response, groundTruths: truth, answerType: type, requiresReasoning: label)
    }

    @Test("rules mode: thinking is skipped and counts as 1")
    func rulesMode() async {
        let result = await RewardEngine().score(rollout(Self.thinkRight), options: ScoringOptions())
        #expect(result.reward == 1)
        #expect(result.skipped[.think] == "no_judge")
        #expect(result.components[.think] == nil)
        #expect(result.components[.judge] == 1)
    }

    @Test("rules mode without a label: the decision is skipped and counts as 1")
    func rulesModeNoLabel() async {
        let result = await RewardEngine().score(rollout(Self.directRight, label: nil), options: ScoringOptions())
        #expect(result.reward == 1)
        #expect(result.skipped[.judge] == "no_label_no_judge")
    }

    @Test("a wrong decision earns only the format part")
    func wrongDecision() async {
        let result = await RewardEngine().score(rollout(Self.directRight, label: true), options: ScoringOptions())
        #expect(result.reward == 0.1)
        #expect(result.reasons[.judge] == "wrong_decision")
    }

    @Test("the thinking reward is the mean of three verdicts")
    func thinkingArithmetic() async {
        let judge = ScriptedJudge([.logic: true, .grounding: false, .consistency: true])
        let result = await RewardEngine(judge: judge).score(rollout(Self.thinkRight), options: ScoringOptions())
        #expect(result.components[.think] == 2.0 / 3)
        #expect(result.components[.grounding] == 0)
        let expected: Double = 0.9 * 2 / 3 + 0.1
        #expect(abs(result.reward! - expected) < 1e-9)
        #expect(await judge.calls.sorted { $0.rawValue < $1.rawValue } == [.consistency, .grounding, .logic])
        #expect(result.cacheMisses == 3)
        #expect(result.judgeTokens == 33)
    }

    @Test("short-circuit: a wrong answer or a wrong decision makes no judge calls")
    func shortCircuit() async {
        let judge = ScriptedJudge()
        let engine = RewardEngine(judge: judge)
        let wrongAnswer = await engine.score(rollout(Self.thinkWrong), options: ScoringOptions())
        let wrongDecision = await engine.score(rollout(Self.thinkRight, label: false), options: ScoringOptions())
        #expect(await judge.calls.isEmpty)
        #expect(wrongAnswer.skipped[.think] == "short_circuit")
        #expect(wrongAnswer.reward == 0.1)
        #expect(wrongDecision.reward == 0.1)
        let asked = await engine.score(rollout(Self.thinkWrong), options: ScoringOptions(shortCircuit: false))
        #expect(await judge.calls.count == 3)
        #expect(asked.components[.think] == 1)
        #expect(asked.reward == 0.1)
    }

    @Test("a component the formula does not name is not evaluated")
    func notInFormula() async {
        let judge = ScriptedJudge()
        let result = await RewardEngine(judge: judge).score(rollout(Self.thinkRight, label: nil), options: ScoringOptions(formula: .answerFormat(alpha: 0.9)))
        #expect(await judge.calls.isEmpty)
        #expect(result.reward == 1)
        #expect(result.skipped[.think] == "not_in_formula")
        #expect(result.skipped[.judge] == "not_in_formula")
    }

    @Test("without a label the think-judge decides the judging reward")
    func labelFreeJudging() async {
        let judge = ScriptedJudge([.thinkJudge: false])
        let result = await RewardEngine(judge: judge).score(rollout(Self.thinkRight, label: nil), options: ScoringOptions())
        #expect(await judge.calls == [.thinkJudge])
        #expect(result.components[.judge] == 0)
        #expect(result.skipped[.think] == "short_circuit")
        #expect(result.reward == 0.1)
    }

    @Test("a direct decision is never sent to the thinking judges")
    func directSkipsThinking() async {
        let judge = ScriptedJudge()
        let result = await RewardEngine(judge: judge).score(rollout(Self.directRight, label: false), options: ScoringOptions())
        #expect(await judge.calls.isEmpty)
        #expect(result.skipped[.think] == "direct_decision")
        #expect(result.reward == 1)
    }

    @Test("a failed judge call abstains: reward null with the cause, never a 0")
    func abstainOnFailure() async {
        let judge = ScriptedJudge(failing: JudgeFailure(cause: .timeout, message: "no answer in 30 s"))
        let result = await RewardEngine(judge: judge).score(rollout(Self.thinkRight), options: ScoringOptions())
        #expect(result.reward == nil)
        #expect(result.error?.code == .judgeTimeout)
    }

    @Test("open-ended answers go to the answer judge")
    func openEnded() async {
        let judge = ScriptedJudge([.answer: true])
        let response = "<judge>direct</judge><think></think>\\boxed{a small cat}"
        let result = await RewardEngine(judge: judge).score(
            rollout(response, truth: ["a kitten"], label: false, type: .judge), options: ScoringOptions())
        #expect(await judge.calls == [.answer])
        #expect(result.reward == 1)
    }

    @Test("no ground truth and no answer judge: abstain when the formula needs the answer")
    func noGroundTruth() async {
        let needed = await RewardEngine().score(rollout(Self.thinkRight, truth: nil), options: ScoringOptions())
        #expect(needed.reward == nil)
        #expect(needed.error?.code == .noGroundTruth)
        let formatOnly = try! Formula.parse("format")
        let unneeded = await RewardEngine().score(rollout(Self.thinkRight, truth: nil), options: ScoringOptions(formula: formatOnly))
        #expect(unneeded.reward == 1)
    }

    @Test("a batch keeps input order, carries item errors and groups")
    func batch() async {
        var first = rollout(Self.thinkRight)
        first.group = "g"
        var second = rollout(Self.thinkWrong)
        second.group = "g"
        let bad = RolloutItem(rollout: .failure(RewardError(code: .missingField, message: "x")), id: .integer(9), label: nil, warnings: [])
        let items = [RolloutItem(rollout: .success(first), id: nil, label: nil, warnings: []), bad, RolloutItem(rollout: .success(second), id: nil, label: nil, warnings: [])]
        for engine in [RewardEngine(), RewardEngine(judge: ScriptedJudge())] {
            let batch = await engine.scoreBatch(items, options: ScoringOptions())
            #expect(batch.results.map(\.reward) == [1, nil, 0.1])
            #expect(batch.results[1].id == .integer(9))
            #expect(batch.groups["g"]?.n == 2)
            #expect(batch.results[0].advantage! > 0)
        }
    }

    @Test("a large rules-only batch split over cores keeps input order")
    func parallelBatchOrder() async {
        let items: [Rollout] = (0..<300).map { index in
            var item = rollout(index % 3 == 0 ? Self.thinkWrong : Self.thinkRight)
            item.id = .integer(index)
            return item
        }
        let serial = await RewardEngine().scoreBatch(items, options: ScoringOptions())
        let parallel = await RewardEngine(parallelism: 4).scoreBatch(items, options: ScoringOptions())
        #expect(parallel.results.map(\.id) == (0..<300).map { .integer($0) })
        #expect(parallel.results.map(\.reward) == serial.results.map(\.reward))
    }

    @Test("thinking known to be 0 is reported as skipped where the reward is already fixed, as 0 where it matters")
    func zeroThinking() async {
        let unknown = await RewardEngine().score(rollout("<judge>maybe</judge><think>x</think>\\boxed{7}"), options: ScoringOptions())
        #expect(unknown.skipped[.think] == "short_circuit")
        #expect(unknown.components[.think] == nil)
        #expect(unknown.reward == 0)
        let empty = await RewardEngine().score(rollout("<judge>think</judge><think> </think>\\boxed{7}"), options: ScoringOptions())
        #expect(empty.components[.think] == 0)
        #expect(empty.reasons[.think] == "empty_think")
        #expect(empty.reward == 0)
    }
}
