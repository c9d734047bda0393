import Foundation
import RefereeServer
import RewardCore
import Testing

@testable import Referee

@Suite("Settings: one declaration feeds the loader, the flags and docs/configuration.md")
struct SettingsTests {
    /// docs/configuration.md, found from this file's path.
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/configuration.md")

    @Test("every setting's flag reaches its key, and every option but --config is a setting")
    func flags() throws {
        let withFlags = Setting.all.filter(\.hasFlag)
        for setting in withFlags {
            let options = try ServiceOptions.parse([try #require(setting.flag), "value"])
            #expect(options.flags == [setting.key: "value"], "\(setting.key)")
        }
        let options = Mirror(reflecting: try ServiceOptions.parse([])).children.compactMap(\.label).filter { $0 != "_config" }
        #expect(options.count == withFlags.count)
        #expect(!ServiceOptions.helpMessage().contains("(no setting"))
    }

    @Test("keys are unique and the environment variable is REFEREE_ + the key")
    func spellings() {
        #expect(Set(Setting.all.map(\.key)).count == Setting.all.count)
        #expect(Setting.named("judge_url")?.flag == "--judge-url")
        #expect(Setting.named("auth_token")?.flag == nil)
        #expect(Setting.named("prompts_dir")?.environmentVariable == "REFEREE_PROMPTS_DIR")
    }

    @Test("every number, choice and boolean setting rejects a value it cannot take, naming the variable")
    func badValues() {
        let typed = Setting.all.filter { setting in ["integer", "number", "one of", "true or false"].contains { setting.type.hasPrefix($0) } }
        #expect(typed.count >= 20)
        for setting in typed {
            let error = #expect(throws: ConfigurationError.self, "\(setting.key)") {
                try ConfigurationLoader.load(flags: [:], environment: [setting.environmentVariable: "§"])
            }
            #expect(error?.description.contains(setting.environmentVariable) == true)
        }
    }

    @Test("prompts_dir: built-in prompts unless a folder is named; empty means built-in")
    func promptsDirectory() throws {
        #expect(try ConfigurationLoader.load(flags: [:], environment: [:]).promptsDirectory == nil)
        #expect(try ConfigurationLoader.load(flags: [:], environment: ["REFEREE_PROMPTS_DIR": "/p"]).promptsDirectory == "/p")
        #expect(try ConfigurationLoader.load(flags: ["prompts_dir": ""], environment: ["REFEREE_PROMPTS_DIR": "/p"]).promptsDirectory == nil)
    }

    /// Set REFEREE_UPDATE_DOCS=1 to write the generated table into docs/configuration.md instead of comparing.
    @Test("docs/configuration.md's \"## Settings\" table is the generated one")
    func documented() throws {
        let generated = Setting.markdownTable()
        let page = (try? String(contentsOf: Self.page, encoding: .utf8)) ?? "# Configuration\n\n## Settings\n\n"
        let (before, table, after) = Self.split(page)
        if ProcessInfo.processInfo.environment["REFEREE_UPDATE_DOCS"] != nil {
            try (before + generated + after).write(to: Self.page, atomically: true, encoding: .utf8)
            return
        }
        #expect(table == generated, "docs/configuration.md differs; run REFEREE_UPDATE_DOCS=1 swift test --filter SettingsTests, or paste:\n\(generated)")
    }

    /// The page around and the table under `## Settings` (its first run of `|` lines).
    static func split(_ page: String) -> (before: String, table: String, after: String) {
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let heading = lines.firstIndex(of: "## Settings") else { return (page + "\n## Settings\n\n", "", "") }
        let next = lines[(heading + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        let start = lines[(heading + 1)..<next].firstIndex { $0.hasPrefix("|") } ?? next
        let end = lines[start..<next].firstIndex { !$0.hasPrefix("|") } ?? next
        func joined(_ part: ArraySlice<String>) -> String { part.map { $0 + "\n" }.joined() }
        return (joined(lines[..<start]), joined(lines[start..<end]), joined(lines[end...]))
    }

    @Test("tasks_file loads a task map; an unreadable or wrong file is a start-up error naming the file and the field")
    func tasksFile() throws {
        let files: [String: String] = [
            "good.json": #"{"grounding": {"answer_type": "bbox", "layout": "r1", "answer_options": {"iou_threshold": 0.5}}}"#,
            "bad.json": #"{"grounding": {"answer_type": "boxx"}}"#,
        ]
        let read: (String) -> Data? = { files[$0].map { Data($0.utf8) } }
        let loaded = try ConfigurationLoader.load(flags: ["tasks_file": "good.json"], environment: [:], readFile: read)
        #expect(loaded.scoring.tasks?["grounding"]?.answerType == .bbox)
        #expect(loaded.scoring.tasks?["grounding"]?.answerOptions?.iouThreshold == 0.5)
        let bad = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(flags: ["tasks_file": "bad.json"], environment: [:], readFile: read)
        }
        #expect(bad?.description.contains("tasks.grounding.answer_type") == true, "\(String(describing: bad))")
        let missing = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(flags: [:], environment: ["REFEREE_TASKS_FILE": "none.json"], readFile: read)
        }
        #expect(missing?.description.contains("none.json") == true)
    }

    @Test("components_file declares custom components for formulas; a bad file, or one without a judge, stops the start-up")
    func componentsFile() throws {
        let files: [String: String] = [
            "/etc/referee/components.json": #"{"reflection": {"prompt_file": "reflection.txt", "verdict": "binary", "inputs": ["prompt", "thinking"]}}"#,
            "/etc/referee/clash.json": #"{"logic": {"prompt_file": "logic.txt", "verdict": "binary", "inputs": ["thinking"]}}"#,
        ]
        let read: (String) -> Data? = { files[$0].map { Data($0.utf8) } }
        let judge = ["judge_url": "http://127.0.0.1:9/v1", "judge_model": "m"]
        let loaded = try ConfigurationLoader.load(
            flags: judge.merging(["components_file": "/etc/referee/components.json", "formula": "answer * reflection"]) { $1 },
            environment: [:], readFile: read)
        #expect(loaded.customComponents.map(\.name) == ["reflection"])
        #expect(loaded.customComponents.first?.promptFile == "/etc/referee/reflection.txt")
        let unknownName = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(flags: judge.merging(["formula": "answer * reflection"]) { $1 }, environment: [:], readFile: read)
        }
        #expect(unknownName?.description.contains("unknown name 'reflection'") == true, "\(String(describing: unknownName))")
        let clash = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(flags: judge.merging(["components_file": "/etc/referee/clash.json"]) { $1 }, environment: [:], readFile: read)
        }
        #expect(clash?.description.contains("clashes with the built-in component") == true, "\(String(describing: clash))")
        let noJudge = #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(flags: ["components_file": "/etc/referee/components.json"], environment: [:], readFile: read)
        }
        #expect(noJudge?.description.contains("need judge_url") == true, "\(String(describing: noJudge))")
    }
}
