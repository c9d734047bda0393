import ArgumentParser
import Foundation
import Logging
import RefereeServer
import Rescore
import RewardCore

/// `referee rescore IN.jsonl -o OUT.jsonl`: re-scores a file of rollouts, resumably, with a summary.
struct RescoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
        abstract: "Re-score a JSONL file of rollouts with the same engine and configuration as the server.",
        discussion: """
            Each output line is the server's result object with "line" (the 1-based input line) and the input's \
            "requires_reasoning" added. Bad input lines get a result with an error and are listed in the errors file. \
            After a crash or kill, --resume finishes the output: exactly one line per non-blank input line. \
            Advantages are not computed (GRPO groups may be split across chunks).
            """
    )

    @Argument(help: "Input JSONL of rollouts, or - for standard input.") var input: String
    @Option(name: .shortAndLong, help: "Output JSONL, or - for standard output.") var output: String
    @Option(help: "Where bad lines are reported (default: OUTPUT.errors.jsonl; standard error when OUTPUT is -).") var errors: String?
    @Flag(help: "Finish an existing output: keep its complete lines and score only the missing ones.") var resume = false
    @Flag(help: "Empty an existing output and start again.") var overwrite = false
    @Flag(help: "Stop at the first bad input line with a non-zero exit.") var strict = false
    @Flag(help: "Write results as they finish instead of in input order.") var unordered = false
    @Option(help: "Rollouts judged at once with a judge (default: judge_concurrency); batches in flight with --server (default 4).") var concurrency: Int?
    @Option(help: "Score through a running service's POST /reward, e.g. http://127.0.0.1:8080, instead of in process.") var server: String?
    @Option(help: "Environment variable holding the service's bearer token (with --server; default: the auth token of the configuration, REFEREE_AUTH_TOKEN or --auth-token-file).") var serverTokenEnv: String?
    @Option(help: "Also write the closing summary as JSON to this file.") var summaryJson: String?
    @Option(help: "Lines per chunk (default 1024 in rules mode, smaller with a judge or --server).") var chunkLines: Int?
    @Option(help: "Longer lines are reported as bad (line_too_long) without being read into memory.") var maxLineBytes = 32 << 20
    @Option(help: "Progress on standard error: auto (a live line on a terminal, else a line every 10 s), terminal, plain, off.") var progress = "auto"
    @Flag(help: "Add every scored rollout to the prompt statistics beside the verdict cache (--cache), to build the history of old runs; a line scored twice counts twice, so use --resume to finish a run.") var updateStats = false
    @OptionGroup var service: ServiceOptions

    func validate() throws {
        if resume && overwrite { throw ValidationError("--resume and --overwrite exclude each other") }
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let chunkLines, chunkLines < 1 { throw ValidationError("--chunk-lines must be at least 1") }
        if maxLineBytes < 1 { throw ValidationError("--max-line-bytes must be at least 1") }
        if progress != "auto" && ProgressReporter.Mode(rawValue: progress) == nil {
            throw ValidationError("--progress must be auto, terminal, plain or off")
        }
        if let advantage = service.advantage, advantage != "none" {
            throw ValidationError("rescore writes no advantages (GRPO groups may be split across chunks): drop --advantage")
        }
        if server != nil, service.judgeUrl != nil { throw ValidationError("--server scores with the service's judge: drop --judge-url") }
        if server != nil, updateStats { throw ValidationError("--update-stats scores in process: the service keeps its own statistics; drop --server") }
    }

    func run() async throws {
        let configuration = try service.load()
        var scoring = configuration.scoring
        scoring.advantage = AdvantageMode.none
        var options = RescoreOptions(input: input, output: output)
        options.errorsPath = errors
        options.resume = resume
        options.overwrite = overwrite
        options.strict = strict
        options.unordered = unordered
        options.maximumLineBytes = maxLineBytes
        options.progress = ProgressReporter.Mode(rawValue: progress) ?? (isatty(2) == 1 ? .terminal : .plain)
        let report: RescoreReport
        if let server {
            let token = try serverTokenEnv.map { name in
                guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
                    throw ValidationError("--server-token-env names \(name), which is not set")
                }
                return value
            } ?? configuration.authToken
            let scorer = try ServerChunkScorer(base: server, config: scoring, token: token)
            options.chunkLines = chunkLines ?? 256
            options.chunksInFlight = concurrency ?? 4
            report = try await rescore(options, scorer: scorer)
        } else {
            let scoringOptions: ScoringOptions
            do { scoringOptions = try scoring.scoringOptions(fieldPrefix: "", custom: configuration.customComponents) } catch { throw ValidationError(error.message) }
            let defaults = options
            let statistics = try await updateStats ? openStatistics(configuration.cachePath) : nil
            do {
                report = try await rescoreInProcess(defaults, configuration: configuration, scoring: scoringOptions, statistics: statistics?.store)
            } catch {
                await statistics?.finish()
                throw error
            }
            await statistics?.finish()
        }
        for warning in report.warnings { Self.standardError("referee rescore: warning: \(warning)\n") }
        Self.standardError(report.summary.text(seconds: report.seconds))
        if let summaryJson {
            guard FileManager.default.createFile(atPath: summaryJson, contents: Data(report.summary.json(seconds: report.seconds))) else {
                Self.standardError("referee rescore: cannot write \(summaryJson)\n")
                throw ExitCode(1)
            }
        }
    }

    /// Runs the re-score; a rescore error is printed and becomes the exit code (2 for --strict, else 1).
    private func rescore(_ options: RescoreOptions, scorer: any ChunkScorer) async throws -> RescoreReport {
        do {
            return try await Rescorer(options: options, scorer: scorer, log: Self.standardError).run()
        } catch let error as RescoreError {
            Self.standardError("referee rescore: \(error.message)\n")
            throw ExitCode(error.code == "strict" ? 2 : 1)
        }
    }

    @Sendable static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Re-scores with the engine the configuration describes, adding each chunk to `statistics` when given.
    /// The engine's judge client and cache are closed when the run ends, whichever way it ends.
    private func rescoreInProcess(
        _ defaults: RescoreOptions, configuration: RefereeConfiguration, scoring: ScoringOptions, statistics: (any PromptStatisticsStore)?
    ) async throws -> RescoreReport {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return try await withEngine(configuration) { engine in
            var options = defaults
            var scorer: EngineChunkScorer
            if engine.judge == nil {
                options.chunkLines = chunkLines ?? 1024
                options.chunksInFlight = 2 * cores + 2
                scorer = EngineChunkScorer(engine: engine, options: scoring, concurrency: 1)
            } else {
                // Several smaller chunks keep the judge busy while the head of the output waits for a slow verdict.
                let limit = concurrency ?? configuration.judgeConcurrency
                options.chunkLines = chunkLines ?? max(1, min(1024, limit / 4))
                options.chunksInFlight = max(2, limit / options.chunkLines)
                scorer = EngineChunkScorer(engine: engine, options: scoring, concurrency: options.chunkLines)
            }
            if let statistics {
                scorer.onScored = { items, results in
                    let now = Date().timeIntervalSince1970
                    try await statistics.add(PromptObservations.collect(items, results), policy: PromptStatisticsPolicy(), now: now)
                }
            }
            return try await rescore(options, scorer: scorer)
        }
    }

    /// The prompt statistics beside the cache at `location` (an SQLite file, created if missing, or a PostgreSQL URL).
    private func openStatistics(_ location: String) async throws -> (store: any PromptStatisticsStore, finish: @Sendable () async -> Void) {
        var logger = Logger(label: "referee.rescore")
        logger.logLevel = .warning
        let cache = try await openVerdictCache(location, logger: logger)
        guard let statistics = try promptStatistics(beside: cache) else {
            try? await cache.close()
            throw ValidationError("\(cache.location) keeps no prompt statistics")
        }
        // The SQLite statistics have their own pool; the PostgreSQL ones share the cache's client: both close at the end.
        return (statistics.store, {
            statistics.close()
            try? await cache.close()
        })
    }
}
