import ArgumentParser
import Foundation
import GRPO

/// `grpo-trainer eval`: greedy decoding on held-out prompts, scored by the service.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Greedy evaluation on held-out prompts.")

    @OptionGroup var reward: RewardOptions
    @Option(help: "Checkpoint directory (global_step_N/).") var checkpoint: String
    @Option(help: "Held-out prompts.") var n = 200
    @Option(help: "Seed of the evaluation set (the same set for the same seed).") var evalSeed: UInt64 = 2026
    @Option(help: "Write the report as JSON here.") var jsonOut: String?
    @Option(help: "Label printed with the figures.") var label = "eval"
    @Flag(help: "Also print answer accuracy with each mode forced on easy and hard items.") var forcedModes = false

    func run() async throws {
        guard n > 0 else { throw ValidationError("--n must be positive") }
        do {
            let (state, config) = try CheckpointStore.load(URL(fileURLWithPath: checkpoint))
            let items = TaskGenerator(hardFraction: 0.5).evaluationSet(count: n, seed: evalSeed)
            let report = try await Evaluator(client: try reward.client(), maxNewTokens: config.rl.maxCompletionLength)
                .evaluate(state.model, items: items)
            print(
                "\(label): n=\(report.n) reward=\(fmt(report.reward)) judge_acc=\(fmt(report.judgeAccuracy)) "
                    + "answer_acc=\(fmt(report.answerAccuracy)) format_rate=\(fmt(report.formatRate)) "
                    + "easy_answer_acc=\(fmt(report.easyAnswerAccuracy)) hard_answer_acc=\(fmt(report.hardAnswerAccuracy)) "
                    + "think_rate_easy=\(fmt(report.thinkRateEasy)) think_rate_hard=\(fmt(report.thinkRateHard)) abstained=\(report.abstained)")
            if forcedModes {
                let easy = items.filter { !$0.requiresReasoning }, hard = items.filter(\.requiresReasoning)
                let maxNew = config.rl.maxCompletionLength
                print(
                    "\(label) forced modes: direct/easy=\(fmt(ModeAccuracy.forced(thinking: false, model: state.model, items: easy, maxNewTokens: maxNew))) "
                        + "think/easy=\(fmt(ModeAccuracy.forced(thinking: true, model: state.model, items: easy, maxNewTokens: maxNew))) "
                        + "direct/hard=\(fmt(ModeAccuracy.forced(thinking: false, model: state.model, items: hard, maxNewTokens: maxNew))) "
                        + "think/hard=\(fmt(ModeAccuracy.forced(thinking: true, model: state.model, items: hard, maxNewTokens: maxNew)))")
            }
            if let jsonOut {
                try Data(MetricsLog.line(report).utf8).write(to: URL(fileURLWithPath: jsonOut))
            }
        } catch let error as TrainerError {
            throw error.exit
        }
    }
}

/// `grpo-trainer compare`: the issue's pass criteria on two eval reports.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Check RL against SFT with the pass criteria.")

    @Option(help: "Eval report JSON after SFT.") var before: String
    @Option(help: "Eval report JSON after RL.") var after: String

    func run() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        func load(_ path: String) throws -> EvalReport {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
            do { return try decoder.decode(EvalReport.self, from: data) } catch { throw ValidationError("\(path) is not an eval report: \(error)") }
        }
        let checks = PassCriteria.check(before: try load(before), after: try load(after))
        for c in checks { print("\(c.passed ? "PASS" : "FAIL")  \(c.requirement): \(c.observed)") }
        if checks.contains(where: { !$0.passed }) { throw ExitCode(1) }
        print("all pass criteria hold")
    }
}
