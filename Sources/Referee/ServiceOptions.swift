import ArgumentParser
import Foundation
import RefereeServer

/// The options shared by every command that scores: one per `Setting`, each also from `REFEREE_*` or the config file; flags win.
struct ServiceOptions: ParsableArguments {
    @Option(help: .setting("host")) var host: String?
    @Option(help: .setting("port")) var port: String?
    @Option(help: .setting("cache")) var cache: String?
    @Option(help: "JSON config file with the same keys in snake_case (REFEREE_CONFIG).") var config: String?
    @Option(help: .setting("judge_url")) var judgeUrl: String?
    @Option(help: .setting("judge_model")) var judgeModel: String?
    @Option(help: .setting("judge_api_key_env")) var judgeApiKeyEnv: String?
    @Option(help: .setting("judge_timeout")) var judgeTimeout: String?
    @Option(help: .setting("judge_concurrency")) var judgeConcurrency: String?
    @Option(help: .setting("judge_votes")) var judgeVotes: String?
    @Option(help: .setting("judge_budget_tokens")) var judgeBudgetTokens: String?
    @Option(help: .setting("judge_budget_window")) var judgeBudgetWindow: String?
    @Option(help: .setting("judge_raw_text_limit")) var judgeRawTextLimit: String?
    @Option(help: .setting("judge_consistency_check")) var judgeConsistencyCheck: String?
    @Option(help: .setting("prompts_dir")) var promptsDir: String?
    @Option(help: .setting("judge_transport")) var judgeTransport: String?
    @Option(help: .setting("max_body_bytes")) var maxBodyBytes: String?
    @Option(help: .setting("max_batch_size")) var maxBatchSize: String?
    @Option(help: .setting("idle_timeout")) var idleTimeout: String?
    @Option(help: .setting("alpha")) var alpha: String?
    @Option(help: .setting("preset")) var preset: String?
    @Option(help: .setting("formula")) var formula: String?
    @Option(help: .setting("short_circuit")) var shortCircuit: String?
    @Option(help: .setting("advantage")) var advantage: String?
    @Option(help: .setting("tolerance")) var tolerance: String?
    @Option(help: .setting("think_words")) var thinkWords: String?
    @Option(help: .setting("direct_words")) var directWords: String?
    @Option(help: .setting("layout")) var layout: String?
    @Option(help: .setting("extraction")) var extraction: String?
    @Option(help: .setting("percent")) var percent: String?
    @Option(help: .setting("set_relations")) var setRelations: String?
    @Option(help: .setting("accuracy_from")) var accuracyFrom: String?
    @Option(help: .setting("accuracy_threshold")) var accuracyThreshold: String?
    @Option(help: .setting("include")) var include: String?
    @Option(help: .setting("components_file")) var componentsFile: String?
    @Option(help: .setting("tasks_file")) var tasksFile: String?
    @Option(help: .setting("fallback_reward")) var fallbackReward: String?
    @Option(help: .setting("judge_outage_wait")) var judgeOutageWait: String?
    @Option(help: .setting("judge_outage_reply")) var judgeOutageReply: String?
    @Option(help: .setting("log_level")) var logLevel: String?
    @Option(help: .setting("auth_token_file")) var authTokenFile: String?
    @Option(help: .setting("max_field_bytes")) var maxFieldBytes: String?
    @Option(help: .setting("max_judge_queue")) var maxJudgeQueue: String?
    @Option(help: .setting("sandbox")) var sandbox: String?
    @Option(help: .setting("sandbox_url")) var sandboxUrl: String?
    @Option(help: .setting("sandbox_cpu_seconds")) var sandboxCpuSeconds: String?
    @Option(help: .setting("sandbox_wall_seconds")) var sandboxWallSeconds: String?
    @Option(help: .setting("sandbox_memory_mib")) var sandboxMemoryMib: String?
    @Option(help: .setting("sandbox_output_bytes")) var sandboxOutputBytes: String?
    @Option(help: .setting("sandbox_processes")) var sandboxProcesses: String?
    @Option(help: .setting("sandbox_parallel_runs")) var sandboxParallelRuns: String?
    @Option(help: .setting("max_code_queue")) var maxCodeQueue: String?
    @Option(help: .setting("header_timeout")) var headerTimeout: String?
    @Option(help: .setting("body_timeout")) var bodyTimeout: String?
    @Option(help: .setting("shutdown_timeout")) var shutdownTimeout: String?

    /// The flags given, keyed as the config file spells them: each `@Option` but `config` is the setting of
    /// the same name (a test checks every setting's flag reaches its key).
    var flags: [String: String] {
        var given: [String: String] = [:]
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, label != "_config", let value = (child.value as? Option<String?>)?.wrappedValue else { continue }
            given[Self.key(forProperty: String(label.dropFirst()))] = value
        }
        return given
    }

    /// `judgeApiKeyEnv` -> `judge_api_key_env`.
    static func key(forProperty name: String) -> String {
        name.reduce(into: "") { key, character in
            if character.isUppercase { key += "_" + character.lowercased() } else { key.append(character) }
        }
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

extension ArgumentHelp {
    /// The help of the setting named `key`, from its one declaration.
    static func setting(_ key: String) -> ArgumentHelp {
        ArgumentHelp(Setting.named(key)?.commandLineHelp ?? "(no setting \(key))")
    }
}
