import ArgumentParser
import Foundation
import RefereeServer

/// The options shared by every command that scores: each also comes from `REFEREE_*` or the config file; flags win.
struct ServiceOptions: ParsableArguments {
    @Option(help: "Address to bind (REFEREE_HOST). Default 127.0.0.1.") var host: String?
    @Option(help: "Port to bind (REFEREE_PORT). Default 8080.") var port: String?
    @Option(help: "Verdict cache: an SQLite file, or postgres://USER:PASSWORD@HOST:PORT/DB for replicas sharing one (REFEREE_CACHE). Default referee-cache.sqlite.") var cache: String?
    @Option(help: "JSON config file with the same keys in snake_case (REFEREE_CONFIG).") var config: String?
    @Option(help: "OpenAI-compatible judge base URL, e.g. http://127.0.0.1:8000/v1 (REFEREE_JUDGE_URL).") var judgeUrl: String?
    @Option(help: "Judge model name (REFEREE_JUDGE_MODEL).") var judgeModel: String?
    @Option(help: "Environment variable holding the judge API key (REFEREE_JUDGE_API_KEY_ENV).") var judgeApiKeyEnv: String?
    @Option(help: "Seconds per judge call (REFEREE_JUDGE_TIMEOUT). Default 30.") var judgeTimeout: String?
    @Option(help: "Judge calls in flight at once (REFEREE_JUDGE_CONCURRENCY). Default 64.") var judgeConcurrency: String?
    @Option(help: "Votes per verdict (REFEREE_JUDGE_VOTES). Default 1.") var judgeVotes: String?
    @Option(help: "Folder of the judge prompt files (REFEREE_PROMPTS_DIR). Default Prompts.") var promptsDir: String?
    @Option(help: "Judge HTTP client: asynchttpclient or urlsession (REFEREE_JUDGE_TRANSPORT). Default asynchttpclient.") var judgeTransport: String?
    @Option(help: "Largest request body in bytes (REFEREE_MAX_BODY_BYTES). Default 33554432.") var maxBodyBytes: String?
    @Option(help: "Most rollouts per request (REFEREE_MAX_BATCH_SIZE). Default 16384.") var maxBatchSize: String?
    @Option(help: "Seconds before an idle connection is closed (REFEREE_IDLE_TIMEOUT). Default 60.") var idleTimeout: String?
    @Option(help: "Weight of the product term (REFEREE_ALPHA). Default 0.9.") var alpha: String?
    @Option(help: "Formula preset: sail, answer_format, answer (REFEREE_PRESET).") var preset: String?
    @Option(help: "Custom formula over format, answer, judge, think, logic, grounding, consistency (REFEREE_FORMULA).") var formula: String?
    @Option(help: "Skip judge calls that cannot change the reward (REFEREE_SHORT_CIRCUIT). Default true.") var shortCircuit: String?
    @Option(help: "Advantage: grpo, drgrpo, none (REFEREE_ADVANTAGE). Default grpo.") var advantage: String?
    @Option(help: "Relative numeric tolerance (REFEREE_TOLERANCE). Default 1e-6.") var tolerance: String?
    @Option(help: "Comma-separated words meaning think (REFEREE_THINK_WORDS).") var thinkWords: String?
    @Option(help: "Comma-separated words meaning direct (REFEREE_DIRECT_WORDS).") var directWords: String?
    @Option(help: "Reward sent to OpenRLHF for an abstained rollout (REFEREE_FALLBACK_REWARD). Default 0.") var fallbackReward: String?
    @Option(help: "trace, debug, info, notice, warning, error, critical (REFEREE_LOG_LEVEL).") var logLevel: String?
    @Option(help: "File holding the bearer token clients must send (REFEREE_AUTH_TOKEN_FILE; or REFEREE_AUTH_TOKEN).") var authTokenFile: String?
    @Option(help: "Largest prompt, response, ground truth or image in bytes (REFEREE_MAX_FIELD_BYTES). Default 8388608.") var maxFieldBytes: String?
    @Option(help: "Most rollouts queued for judge work before 503 (REFEREE_MAX_JUDGE_QUEUE). Default 4096.") var maxJudgeQueue: String?
    @Option(help: "Seconds a connection has to send its request head (REFEREE_HEADER_TIMEOUT). Default 10.") var headerTimeout: String?
    @Option(help: "Seconds a request has to send its body (REFEREE_BODY_TIMEOUT). Default 60.") var bodyTimeout: String?
    @Option(help: "Seconds in-flight requests get after SIGTERM (REFEREE_SHUTDOWN_TIMEOUT). Default 30.") var shutdownTimeout: String?

    /// The flags given, keyed as the config file spells them.
    var flags: [String: String] {
        let pairs: [(String, String?)] = [
            ("host", host), ("port", port), ("cache", cache), ("judge_url", judgeUrl), ("judge_model", judgeModel),
            ("judge_api_key_env", judgeApiKeyEnv), ("judge_timeout", judgeTimeout), ("judge_concurrency", judgeConcurrency),
            ("judge_votes", judgeVotes), ("prompts_dir", promptsDir), ("max_body_bytes", maxBodyBytes),
            ("max_batch_size", maxBatchSize), ("idle_timeout", idleTimeout), ("alpha", alpha), ("preset", preset),
            ("formula", formula), ("short_circuit", shortCircuit), ("advantage", advantage), ("tolerance", tolerance),
            ("think_words", thinkWords), ("direct_words", directWords), ("fallback_reward", fallbackReward),
            ("log_level", logLevel), ("auth_token_file", authTokenFile), ("max_field_bytes", maxFieldBytes),
            ("max_judge_queue", maxJudgeQueue), ("header_timeout", headerTimeout), ("body_timeout", bodyTimeout),
            ("shutdown_timeout", shutdownTimeout), ("judge_transport", judgeTransport),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Reads the config file, the environment and the flags into one configuration.
    func load() throws -> RefereeConfiguration {
        let environment = ProcessInfo.processInfo.environment
        var file: (path: String, contents: Data)?
        if let path = config ?? environment["REFEREE_CONFIG"] {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read config file \(path)")
            }
            file = (path, contents)
        }
        do {
            return try ConfigurationLoader.load(flags: flags, environment: environment, configFile: file)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
