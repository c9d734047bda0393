import AnswerCheck
import Foundation

/// One configuration setting, declared once: its key, type, default and help feed the loader, `referee`'s
/// flags and help, and the settings table of docs/configuration.md.
public struct Setting: Sendable {
    /// The config file key, in snake_case; the flag and the environment variable are spelled from it.
    public let key: String
    /// The values it takes, as the docs say it (`integer 0...65535`, `one of grpo, drgrpo, none`).
    public let type: String
    /// The default as the docs and `--help` show it; nil when there is none.
    public let defaultValue: String?
    /// What it does, in one sentence.
    public let help: String
    /// Whether there is a flag; a secret has none, since `ps` shows flags.
    public let hasFlag: Bool
    /// Stores a value in the configuration, or says what was wrong with it; nil when the loader resolves the
    /// key itself (`auth_token_file`).
    let store: (@Sendable (String, inout RefereeConfiguration) -> String?)?

    /// The command-line flag, such as `--judge-url`; nil when there is none.
    public var flag: String? { hasFlag ? "--" + key.replacing("_", with: "-") : nil }

    /// The environment variable, such as `REFEREE_JUDGE_URL`.
    public var environmentVariable: String { "REFEREE_" + key.uppercased() }

    /// The line `referee --help` shows.
    public var commandLineHelp: String {
        let values = type.hasPrefix("one of") ? ": \(type.dropFirst(7))" : ""
        return "\(help)\(values) (\(environmentVariable))." + (defaultValue.map { " Default \($0)." } ?? "")
    }

    /// The setting for `key`, if there is one.
    public static func named(_ key: String) -> Setting? { all.first { $0.key == key } }
}

extension Setting {
    typealias Path<Value> = WritableKeyPath<RefereeConfiguration, Value> & Sendable

    /// A setting whose default is what `RefereeConfiguration()` holds at `path`.
    static func make<Value>(
        _ key: String, _ path: Path<Value>, type: String, default shown: String? = nil, flag: Bool = true, help: String,
        parse: @escaping @Sendable (String) -> Value?, expected: @escaping @Sendable (String) -> String,
        describe: (Value) -> String?
    ) -> Setting {
        Setting(
            key: key, type: type, defaultValue: shown ?? describe(RefereeConfiguration()[keyPath: path]), help: help, hasFlag: flag,
            store: { text, configuration in
                guard let value = parse(text) else { return expected(text) }
                configuration[keyPath: path] = value
                return nil
            })
    }

    /// Free text; with `emptyIsNone` an empty value means none.
    static func text(
        _ key: String, _ path: Path<String?>, type: String = "text", default shown: String? = nil, emptyIsNone: Bool = false,
        flag: Bool = true, help: String
    ) -> Setting {
        make(key, path, type: type, default: shown, flag: flag, help: help, parse: { emptyIsNone && $0.isEmpty ? .some(nil) : $0 },
             expected: { _ in "" }, describe: { $0 })
    }

    /// Free text that always has a value.
    static func text(_ key: String, _ path: Path<String>, type: String = "text", help: String) -> Setting {
        make(key, path, type: type, help: help, parse: { $0 }, expected: { _ in "" }, describe: { $0 })
    }

    /// A whole number within `range`.
    static func integer(_ key: String, _ path: Path<Int>, in range: ClosedRange<Int>, help: String) -> Setting {
        make(key, path, type: "integer \(range.lowerBound)...\(range.upperBound)", help: help,
             parse: { Int($0.trimmedWhitespace).flatMap { range.contains($0) ? $0 : nil } },
             expected: { _ in "is not a valid \(key) (expected Int in \(range.lowerBound)...\(range.upperBound))" },
             describe: { String($0) })
    }

    /// A number within `range`.
    static func number(_ key: String, _ path: Path<Double>, in range: ClosedRange<Double>, help: String) -> Setting {
        make(key, path, type: "number \(range.lowerBound.settingText)...\(range.upperBound.settingText)", help: help,
             parse: { Double($0.trimmedWhitespace).flatMap { range.contains($0) ? $0 : nil } },
             expected: { _ in "is not a valid \(key) (expected Double in \(range.lowerBound)...\(range.upperBound))" },
             describe: { $0.settingText })
    }

    /// A number within `range` whose default is decided where the value is used.
    static func number(
        _ key: String, _ path: Path<Double?>, in range: ClosedRange<Double>, default shown: String, help: String
    ) -> Setting {
        // `.map(Optional.some)`: a bad value must fail, not become an unset one.
        make(key, path, type: "number \(range.lowerBound.settingText)...\(range.upperBound.settingText)", default: shown, help: help,
             parse: { Double($0.trimmedWhitespace).flatMap { range.contains($0) ? $0 : nil }.map(Optional.some) },
             expected: { _ in "is not a valid \(key) (expected Double in \(range.lowerBound)...\(range.upperBound))" },
             describe: { $0?.settingText })
    }

    /// `true` or `false` (also `1`/`0`, `yes`/`no`, `on`/`off`).
    static func boolean(_ key: String, _ path: Path<Bool?>, default shown: String, help: String) -> Setting {
        make(key, path, type: "true or false", default: shown, help: help,
             parse: { text -> Bool?? in
                 switch text.lowercased() {
                 case "true", "1", "yes", "on": .some(true)
                 case "false", "0", "no", "off": .some(false)
                 default: .none
                 }
             },
             expected: { _ in "is not true or false" }, describe: { $0.map { $0 ? "true" : "false" } })
    }

    /// One of an enumeration's raw values.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: Path<Choice>, help: String
    ) -> Setting where Choice.RawValue == String {
        make(key, path, type: "one of " + Choice.allCases.map(\.rawValue).joined(separator: ", "), help: help,
             parse: { Choice(rawValue: $0) }, expected: { _ in "is not one of " + Choice.allCases.map(\.rawValue).joined(separator: ", ") },
             describe: { $0.rawValue })
    }

    /// One of an enumeration's raw values, whose default is decided where the value is used.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: Path<Choice?>, default shown: Choice, help: String
    ) -> Setting where Choice.RawValue == String {
        make(key, path, type: "one of " + Choice.allCases.map(\.rawValue).joined(separator: ", "), default: shown.rawValue, help: help,
             parse: { Choice(rawValue: $0).map(Optional.some) }, expected: { _ in "is not one of " + Choice.allCases.map(\.rawValue).joined(separator: ", ") },
             describe: { $0?.rawValue })
    }

    /// A comma-separated list (a JSON list in the config file).
    static func list(_ key: String, _ path: Path<[String]?>, default shown: [String], help: String) -> Setting {
        make(key, path, type: "comma-separated list", default: shown.joined(separator: ","), help: help,
             parse: { $0.split(separator: ",").map { $0.trimmedWhitespace }.filter { !$0.isEmpty } },
             expected: { _ in "" }, describe: { $0?.joined(separator: ",") })
    }
}

extension Double {
    /// `30` rather than `30.0`; other values as Swift prints them.
    var settingText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
