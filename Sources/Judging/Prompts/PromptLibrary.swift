import Foundation
import RewardCore

/// The five prompt templates: the ones compiled into the binary, or those of a prompts folder, read once at start-up.
struct PromptLibrary: Sendable {
    private let templates: [VerdictKind: PromptTemplate]

    /// Reads every kind's file from `directory`, or the embedded prompts when it is nil; a missing or malformed
    /// file is a setup error naming it.
    init(directory: String?) throws {
        var templates: [VerdictKind: PromptTemplate] = [:]
        for kind in VerdictKind.allCases {
            let (text, path) = try directory.map { try Self.read(kind, from: $0) } ?? Self.embedded(kind)
            templates[kind] = try PromptTemplate(kind: kind, text: text, path: path)
        }
        self.templates = templates
    }

    /// The template for `kind`; every kind is loaded by `init`.
    subscript(kind: VerdictKind) -> PromptTemplate {
        // init throws unless every kind is present, so this lookup cannot miss.
        templates[kind]!
    }

    private static func read(_ kind: VerdictKind, from directory: String) throws -> (text: String, path: String) {
        let path = (directory as NSString).appendingPathComponent(kind.promptFileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JudgeSetupError(code: "missing_prompt", message: "prompt file for \(kind.rawValue) not found at \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JudgeSetupError(code: "bad_prompt", message: "prompt file \(path) is not UTF-8 text")
        }
        return (text, path)
    }

    private static func embedded(_ kind: VerdictKind) throws -> (text: String, path: String) {
        guard let text = EmbeddedPrompts.files[kind.promptFileName] else {
            throw JudgeSetupError(
                code: "missing_prompt", message: "no embedded prompt \(kind.promptFileName): run scripts/embed-prompts.sh")
        }
        return (text, "embedded \(kind.promptFileName)")
    }
}
