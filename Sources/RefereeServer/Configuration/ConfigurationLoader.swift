import AnswerCheck
import Foundation
import Logging
import RewardCore

/// A configuration value that could not be used, naming the key and where it came from.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

/// Merges the config file, `REFEREE_*` environment variables and command-line flags (flags win).
public enum ConfigurationLoader {
    /// Every key, in the config file's snake_case spelling; the environment variable is `REFEREE_` + upper case.
    public static let keys = [
        "host", "port", "cache", "judge_url", "judge_model", "judge_api_key_env", "judge_timeout",
        "judge_concurrency", "judge_votes", "prompts_dir", "max_body_bytes", "max_batch_size", "idle_timeout",
        "alpha", "preset", "formula", "short_circuit", "advantage", "tolerance", "think_words", "direct_words",
        "fallback_reward", "log_level", "auth_token", "auth_token_file", "max_field_bytes", "max_judge_queue",
        "header_timeout", "body_timeout", "shutdown_timeout",
    ]

    /// The environment variable for `key`.
    public static func environmentName(_ key: String) -> String { "REFEREE_" + key.uppercased() }

    /// Builds the configuration from the three sources; `flags` are keyed by the snake_case key.
    public static func load(
        flags: [String: String], environment: [String: String], configFile: (path: String, contents: Data)? = nil,
        readFile: (String) -> Data? = { FileManager.default.contents(atPath: $0) }
    ) throws(ConfigurationError) -> RefereeConfiguration {
        var values: [String: (value: String, source: String)] = [:]
        if let configFile {
            for (key, value) in try fileValues(configFile.contents, path: configFile.path) {
                values[key] = (value, "config file \(configFile.path)")
            }
        }
        for key in keys {
            if let value = environment[environmentName(key)] { values[key] = (value, environmentName(key)) }
        }
        for (key, value) in flags {
            guard keys.contains(key) else { throw ConfigurationError(description: "unknown option \(key)") }
            values[key] = (value, "--" + key.replacing("_", with: "-"))
        }
        let reader = ValueReader(values: values)
        var configuration = RefereeConfiguration()
        try reader.read("host") { configuration.host = $0 }
        try reader.read("port", as: Int.self, in: 0...65535) { configuration.port = $0 }
        try reader.read("cache") { configuration.cachePath = $0 }
        try reader.read("judge_url") { configuration.judgeURL = $0.isEmpty ? nil : $0 }
        try reader.read("judge_model") { configuration.judgeModel = $0 }
        try reader.read("judge_api_key_env") { configuration.judgeAPIKeyVariable = $0 }
        try reader.read("judge_timeout", as: Double.self, in: 0.1...3600) { configuration.judgeTimeoutSeconds = $0 }
        try reader.read("judge_concurrency", as: Int.self, in: 1...4096) { configuration.judgeConcurrency = $0 }
        try reader.read("judge_votes", as: Int.self, in: 1...15) { configuration.judgeVotes = $0 }
        try reader.read("prompts_dir") { configuration.promptsDirectory = $0 }
        try reader.read("max_body_bytes", as: Int.self, in: 1024...(1 << 34)) { configuration.maxBodyBytes = $0 }
        try reader.read("max_batch_size", as: Int.self, in: 1...1_000_000) { configuration.maxBatchSize = $0 }
        try reader.read("idle_timeout", as: Double.self, in: 1...86_400) { configuration.idleTimeoutSeconds = $0 }
        try reader.read("alpha", as: Double.self, in: 0...1) { configuration.scoring.alpha = $0 }
        try reader.read("preset", choices: FormulaPreset.self) { configuration.scoring.preset = $0 }
        try reader.read("formula") { configuration.scoring.formula = $0 }
        try reader.read("short_circuit", as: Bool.self) { configuration.scoring.shortCircuit = $0 }
        try reader.read("advantage", choices: AdvantageMode.self) { configuration.scoring.advantage = $0 }
        try reader.read("tolerance", as: Double.self, in: 0...1) { configuration.scoring.tolerance = $0 }
        try reader.read("think_words") { configuration.scoring.thinkWords = Self.list($0) }
        try reader.read("direct_words") { configuration.scoring.directWords = Self.list($0) }
        try reader.read("fallback_reward", as: Double.self, in: -1e9...1e9) { configuration.fallbackReward = $0 }
        try reader.read("log_level", choices: Logger.Level.self) { configuration.logLevel = $0 }
        try reader.read("max_field_bytes", as: Int.self, in: 1...(1 << 34)) { configuration.maxFieldBytes = $0 }
        try reader.read("max_judge_queue", as: Int.self, in: 1...10_000_000) { configuration.maxJudgeQueue = $0 }
        try reader.read("header_timeout", as: Double.self, in: 0.1...3600) { configuration.headerTimeoutSeconds = $0 }
        try reader.read("body_timeout", as: Double.self, in: 0.1...3600) { configuration.bodyTimeoutSeconds = $0 }
        try reader.read("shutdown_timeout", as: Double.self, in: 0...3600) { configuration.shutdownTimeoutSeconds = $0 }
        try reader.read("auth_token") { configuration.authToken = $0.isEmpty ? nil : $0 }
        if let entry = values["auth_token_file"], configuration.authToken == nil {
            guard let data = readFile(entry.value), let token = String(data: data, encoding: .utf8)?.trimmedWhitespace, !token.isEmpty else {
                throw ConfigurationError(description: "\(entry.source): cannot read a token from '\(entry.value)'")
            }
            configuration.authToken = token
        }
        if let variable = configuration.judgeAPIKeyVariable {
            configuration.judgeAPIKey = environment[variable]
        }
        do {
            _ = try configuration.scoring.scoringOptions(fieldPrefix: "")
        } catch {
            throw ConfigurationError(description: "\(error.field ?? "config"): \(error.message)")
        }
        if configuration.judgeURL != nil && (configuration.judgeModel ?? "").isEmpty {
            throw ConfigurationError(description: "judge_url is set but judge_model is not (--judge-model or REFEREE_JUDGE_MODEL)")
        }
        return configuration
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmedWhitespace }.filter { !$0.isEmpty }
    }

    /// Reads a flat JSON object; arrays become comma-separated lists.
    static func fileValues(_ data: Data, path: String) throws(ConfigurationError) -> [String: String] {
        guard let object = try? JSONDecoder().decode([String: FileValue].self, from: data) else {
            throw ConfigurationError(description: "config file \(path) is not a JSON object of strings, numbers, booleans and lists")
        }
        for key in object.keys where !keys.contains(key) {
            throw ConfigurationError(description: "config file \(path): unknown key '\(key)' (known: \(keys.joined(separator: ", ")))")
        }
        return object.mapValues(\.text)
    }
}

/// A config file value as text.
private struct FileValue: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            text = value ? "true" : "false"
        } else if let value = try? container.decode(Int.self) {
            text = String(value)
        } else if let value = try? container.decode(Double.self) {
            text = String(value)
        } else if let value = try? container.decode([String].self) {
            text = value.joined(separator: ",")
        } else {
            text = try container.decode(String.self)
        }
    }
}

/// Converts merged string values, with errors naming the key and its source.
private struct ValueReader {
    let values: [String: (value: String, source: String)]

    func read(_ key: String, _ apply: (String) -> Void) throws(ConfigurationError) {
        if let entry = values[key] { apply(entry.value) }
    }

    func read<T: LosslessStringConvertible & Comparable>(
        _ key: String, as type: T.Type, in range: ClosedRange<T>, _ apply: (T) -> Void
    ) throws(ConfigurationError) {
        guard let entry = values[key] else { return }
        guard let value = T(entry.value.trimmedWhitespace), range.contains(value) else {
            throw ConfigurationError(description: "\(entry.source): '\(entry.value)' is not a valid \(key) (expected \(T.self) in \(range.lowerBound)...\(range.upperBound))")
        }
        apply(value)
    }

    func read(_ key: String, as type: Bool.Type, _ apply: (Bool) -> Void) throws(ConfigurationError) {
        guard let entry = values[key] else { return }
        switch entry.value.lowercased() {
        case "true", "1", "yes", "on": apply(true)
        case "false", "0", "no", "off": apply(false)
        default: throw ConfigurationError(description: "\(entry.source): '\(entry.value)' is not true or false")
        }
    }

    func read<T: RawRepresentable & CaseIterable>(_ key: String, choices: T.Type, _ apply: (T) -> Void) throws(ConfigurationError)
    where T.RawValue == String {
        guard let entry = values[key] else { return }
        guard let value = T(rawValue: entry.value) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(description: "\(entry.source): '\(entry.value)' is not one of \(allowed)")
        }
        apply(value)
    }
}
