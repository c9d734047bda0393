import ArgumentParser
import Foundation
import RefereeServer
import RewardCore

/// `referee judge-eval FILE.jsonl`: the configured judge against labelled cases, per kind.
struct JudgeEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge-eval",
        abstract: "Run labelled cases through the configured judge: per kind accuracy, Cohen's kappa, confusion matrix, vote agreement, tokens, latency."
    )

    @Argument(help: "JSONL file: one rollout per line with \"expected\": {\"KIND\": true|false, ...}.") var file: String
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "Ask the judge afresh: use a new empty verdict cache instead of the configured one.") var fresh = false
    @Option(help: "Labelled verdicts asked at once.") var concurrency = 4
    @OptionGroup var options: ServiceOptions

    func run() async throws {
        var configuration = try options.load()
        guard configuration.judgeURL != nil else { throw ValidationError("judge-eval needs a judge: --judge-url and --judge-model") }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let cases: [JudgeEvalCase]
        let scoring: ScoringOptions
        do {
            cases = try JudgeEvaluation.cases(jsonl: Array(data))
            scoring = try configuration.scoring.scoringOptions(fieldPrefix: "", custom: configuration.customComponents)
        } catch {
            throw ValidationError("\(file): \(error.message)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("referee-judge-eval-\(UUID().uuidString).sqlite").path
        if fresh { configuration.cachePath = scratch }
        defer {
            if fresh {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
            }
        }
        let custom = configuration.customComponents
        let concurrency = concurrency
        let reports = try await withEngine(configuration) { engine -> [KindReport] in
            guard let judge = engine.judge else { throw ValidationError("judge-eval needs a judge") }
            do {
                return try await JudgeEvaluation.run(cases, judge: judge, engine: engine, options: scoring, custom: custom, concurrency: concurrency)
            } catch let error as RewardError {
                throw ValidationError(error.message)
            }
        }
        let output = json ? String(decoding: KindReport.json(reports), as: UTF8.self) : KindReport.text(reports)
        print(output)
    }
}
