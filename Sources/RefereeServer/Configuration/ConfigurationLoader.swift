import AnswerCheck
import Foundation
import RewardCore

/// A configuration value that could not be used, naming the key and where it came from.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

/// Merges the config file, `REFEREE_*` environment variables and command-line flags (flags win).
public enum ConfigurationLoader {
    /// Every key, in the config file's snake_case spelling; the environment variable is `REFEREE_` + upper case.
    public static var keys: [String] { Setting.all.map(\.key) }

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
        for setting in Setting.all {
            if let value = environment[setting.environmentVariable] { values[setting.key] = (value, setting.environmentVariable) }
        }
        for (key, value) in flags {
            guard let setting = Setting.named(key) else { throw ConfigurationError(description: "unknown option \(key)") }
            values[key] = (value, setting.flag ?? key)
        }
        var configuration = RefereeConfiguration()
        for setting in Setting.all {
            guard let entry = values[setting.key], let store = setting.store else { continue }
            if let problem = store(entry.value, &configuration) {
                throw ConfigurationError(description: "\(entry.source): '\(entry.value)' \(problem)")
            }
        }
        if let entry = values["auth_token_file"], configuration.authToken == nil {
            guard let data = readFile(entry.value), let token = String(data: data, encoding: .utf8)?.trimmedWhitespace, !token.isEmpty else {
                throw ConfigurationError(description: "\(entry.source): cannot read a token from '\(entry.value)'")
            }
            configuration.authToken = token
        }
        if let entry = values["tasks_file"] {
            guard let data = readFile(entry.value) else {
                throw ConfigurationError(description: "\(entry.source): cannot read the tasks file '\(entry.value)'")
            }
            do {
                configuration.scoring.tasks = try TaskProfile.map(json: Array(data))
            } catch {
                throw ConfigurationError(description: "\(entry.source) '\(entry.value)': \(error.field.map { $0 + ": " } ?? "")\(error.message)")
            }
        }
        if let entry = values["components_file"] {
            guard let data = readFile(entry.value) else {
                throw ConfigurationError(description: "\(entry.source): cannot read the components file '\(entry.value)'")
            }
            do {
                let folder = (entry.value as NSString).deletingLastPathComponent
                configuration.customComponents = try CustomComponent.declarations(json: Array(data), directory: folder)
            } catch {
                throw ConfigurationError(description: "\(entry.source) '\(entry.value)': \(error.field.map { $0 + ": " } ?? "")\(error.message)")
            }
            if configuration.judgeURL == nil, !configuration.customComponents.isEmpty {
                throw ConfigurationError(description: "\(entry.source) declares custom judged components, which need judge_url")
            }
        }
        if let variable = configuration.judgeAPIKeyVariable {
            configuration.judgeAPIKey = environment[variable]
        }
        do {
            _ = try configuration.scoring.scoringOptions(fieldPrefix: "", custom: configuration.customComponents)
        } catch {
            throw ConfigurationError(description: "\(error.field ?? "config"): \(error.message)")
        }
        if configuration.judgeURL != nil && (configuration.judgeModel ?? "").isEmpty {
            throw ConfigurationError(description: "judge_url is set but judge_model is not (--judge-model or REFEREE_JUDGE_MODEL)")
        }
        return configuration
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
