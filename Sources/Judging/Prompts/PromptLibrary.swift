import Foundation
import RewardCore

/// The five prompt templates, read once from the prompts folder at start-up.
struct PromptLibrary: Sendable {
    private let templates: [VerdictKind: PromptTemplate]

    /// Reads every kind's file from `directory`; a missing or malformed file is a setup error naming it.
    init(directory: String) throws {
        var templates: [VerdictKind: PromptTemplate] = [:]
        for kind in VerdictKind.allCases {
            let path = (directory as NSString).appendingPathComponent(kind.promptFileName)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw JudgeSetupError(
                    code: "missing_prompt", message: "prompt file for \(kind.rawValue) not found at \(path)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw JudgeSetupError(code: "bad_prompt", message: "prompt file \(path) is not UTF-8 text")
            }
            templates[kind] = try PromptTemplate(kind: kind, text: text, path: path)
        }
        self.templates = templates
    }

    /// The template for `kind`; every kind is loaded by `init`.
    subscript(kind: VerdictKind) -> PromptTemplate {
        // init throws unless every kind is present, so this lookup cannot miss.
        templates[kind]!
    }
}
