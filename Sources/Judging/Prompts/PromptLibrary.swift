import Foundation
import RewardCore

/// The five prompt templates (the ones compiled into the binary, or those of a prompts folder) and the custom
/// components' templates, read once at start-up.
struct PromptLibrary: Sendable {
    private let templates: [VerdictKind: PromptTemplate]
    private let customTemplates: [String: PromptTemplate]
    /// The think-judge's prompt with its two questions in the other order, for the consistency check.
    let swappedThinkJudge: PromptTemplate?

    /// The swapped think-judge prompt's file name.
    static let swappedThinkJudgeFile = "think-judge-swapped.txt"

    /// Reads every kind's file from `directory`, or the embedded prompts when it is nil, and each custom
    /// component's file; a missing or malformed file, or an unusable component, is a setup error naming it.
    init(directory: String?, custom: [CustomComponent] = [], consistencyCheck: Bool = false) throws {
        var templates: [VerdictKind: PromptTemplate] = [:]
        for kind in VerdictKind.builtIn {
            let (text, path) = try directory.map { try Self.read(kind, from: $0) } ?? Self.embedded(kind)
            templates[kind] = try PromptTemplate(kind: kind, text: text, path: path)
        }
        self.templates = templates
        var customTemplates: [String: PromptTemplate] = [:]
        for component in custom {
            if let problem = component.nameProblem { throw JudgeSetupError(code: "bad_configuration", message: problem) }
            guard customTemplates[component.name] == nil else {
                throw JudgeSetupError(code: "bad_configuration", message: "custom component '\(component.name)' is declared twice")
            }
            let text = try Self.read(path: component.promptFile, what: "custom component '\(component.name)'")
            customTemplates[component.name] = try PromptTemplate(custom: component, text: text, path: component.promptFile)
        }
        self.customTemplates = customTemplates
        swappedThinkJudge = consistencyCheck ? try Self.swappedThinkJudge(directory: directory) : nil
    }

    /// The template for a built-in `kind`; every one is loaded by `init`.
    subscript(kind: VerdictKind) -> PromptTemplate {
        // init throws unless every built-in kind is present, so this lookup cannot miss.
        templates[kind]!
    }

    /// The template `request` needs; a custom component the judge was not set up with is a rejected call.
    func template(for request: JudgeRequest) throws(JudgeFailure) -> PromptTemplate {
        guard request.kind == .custom else { return self[request.kind] }
        guard let name = request.custom?.name, let template = customTemplates[name] else {
            throw JudgeFailure(cause: .rejected, message: "the judge has no prompt for custom component '\(request.custom?.name ?? "")'")
        }
        return template
    }

    private static func read(_ kind: VerdictKind, from directory: String) throws -> (text: String, path: String) {
        let path = (directory as NSString).appendingPathComponent(kind.promptFileName)
        return (try read(path: path, what: kind.rawValue), path)
    }

    private static func read(path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JudgeSetupError(code: "missing_prompt", message: "prompt file for \(what) not found at \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JudgeSetupError(code: "bad_prompt", message: "prompt file \(path) is not UTF-8 text")
        }
        return text
    }

    /// The consistency check's think-judge prompt, from the prompts folder or the embedded ones.
    private static func swappedThinkJudge(directory: String?) throws -> PromptTemplate {
        let name = swappedThinkJudgeFile
        if let directory {
            let path = (directory as NSString).appendingPathComponent(name)
            return try PromptTemplate(kind: .thinkJudge, text: read(path: path, what: "the think-judge consistency check"), path: path)
        }
        guard let text = EmbeddedPrompts.files[name] else {
            throw JudgeSetupError(code: "missing_prompt", message: "no embedded prompt \(name): run scripts/embed-prompts.sh")
        }
        return try PromptTemplate(kind: .thinkJudge, text: text, path: "embedded \(name)")
    }

    private static func embedded(_ kind: VerdictKind) throws -> (text: String, path: String) {
        guard let text = EmbeddedPrompts.files[kind.promptFileName] else {
            throw JudgeSetupError(
                code: "missing_prompt", message: "no embedded prompt \(kind.promptFileName): run scripts/embed-prompts.sh")
        }
        return (text, "embedded \(kind.promptFileName)")
    }
}
