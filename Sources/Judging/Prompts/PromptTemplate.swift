import Foundation
import RewardCore

/// One verdict kind's prompt: a system part and a user template whose fields are delimited blocks.
struct PromptTemplate: Sendable {
    /// A field of `JudgeRequest` that a template may place.
    enum Field: String, CaseIterable, Sendable {
        case question, reasoning, answer, decision, reference
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case field(Field)
    }

    /// The line that separates the system part from the user template.
    static let separator = "=== USER ==="

    let kind: VerdictKind
    let system: String
    /// The user template cut at its placeholders once, so rendering is appending, not searching.
    let segments: [Segment]
    /// SHA-256 of the file's exact bytes; part of every cache key.
    let contentHash: String
    let fields: [Field]

    /// Parses a prompt file's text; `path` only names the file in errors.
    init(kind: VerdictKind, text: String, path: String) throws {
        let (system, user) = try Self.split(text, path: path)
        try self.init(kind: kind, system: system, segments: Self.segments(of: user), text: text, path: path)
    }

    private init(kind: VerdictKind, system: String, segments cut: [Segment], text: String, path: String) throws {
        self.kind = kind
        self.system = system
        segments = cut
        let found = Field.allCases.filter { cut.contains(.field($0)) }
        fields = found
        contentHash = SHA256.hex(text)
        let missing = kind.requiredFields.filter { !found.contains($0) }
        if !missing.isEmpty {
            throw JudgeSetupError(
                code: "bad_prompt",
                message: "prompt file \(path) lacks the placeholder(s) \(missing.map { "{{\($0.rawValue)}}" }.joined(separator: ", "))"
            )
        }
    }

    /// The system part and the user template of a prompt file.
    static func split(_ text: String, path: String) throws -> (system: String, user: String) {
        let parts = text.components(separatedBy: "\n" + Self.separator + "\n")
        guard parts.count == 2 else {
            throw JudgeSetupError(
                code: "bad_prompt",
                message: "prompt file \(path) must contain exactly one line '\(Self.separator)' between the system part and the user template"
            )
        }
        return (parts[0].trimmingCharacters(in: .whitespacesAndNewlines), parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Parses a custom component's prompt file: its placeholders are its inputs' names (`{{prompt}}`,
    /// `{{thinking}}`, `{{answer}}`, `{{ground_truth}}`), and an unknown one, one for an input it does not
    /// declare, or a declared input without one is an error naming the file.
    init(custom component: CustomComponent, text: String, path: String) throws {
        let (system, user) = try Self.split(text, path: path)
        func problem(_ message: String) -> JudgeSetupError {
            JudgeSetupError(code: "bad_prompt", message: "custom component '\(component.name)': prompt file \(path) \(message)")
        }
        var segments: [Segment] = []
        var rest = Substring(user)
        var used: Set<CustomComponent.Input> = []
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let input = CustomComponent.Input(rawValue: name), input != .images else {
                let known = CustomComponent.Input.allCases.filter { $0 != .images }.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")
                throw problem("has the unknown placeholder {{\(name)}} (known: \(known))")
            }
            guard component.inputs.contains(input) else {
                throw problem("uses {{\(name)}} but the component's inputs do not include \(name)")
            }
            used.insert(input)
            segments.append(.literal(String(rest[..<open.lowerBound])))
            segments.append(.field(input.field))
            rest = rest[close.upperBound...]
        }
        segments.append(.literal(String(rest)))
        if let unused = component.inputs.subtracting(used).subtracting([.images]).map(\.rawValue).sorted().first {
            throw problem("lacks the placeholder {{\(unused)}} for the input \(unused) the component declares")
        }
        try self.init(kind: .custom, system: system, segments: segments.filter { $0 != .literal("") }, text: text, path: path)
    }

    /// The user message for `request`: every field in its own block, marked with a code no input can forge.
    func userMessage(for request: JudgeRequest) -> String {
        let code = Self.blockCode(for: request)
        var message = ""
        for segment in segments {
            switch segment {
            case .literal(let text): message += text
            case .field(let field): message += Self.block(field, request.value(of: field), code: code)
            }
        }
        return message
    }

    /// Splits `template` at every `{{field}}` it names; unknown `{{...}}` stay literal text.
    static func segments(of template: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}"),
                let field = Field(rawValue: String(rest[open.upperBound..<close.lowerBound]))
            else {
                segments.append(.literal(String(rest[..<open.upperBound])))
                rest = rest[open.upperBound...]
                continue
            }
            segments.append(.literal(String(rest[..<open.lowerBound])))
            segments.append(.field(field))
            rest = rest[close.upperBound...]
        }
        segments.append(.literal(String(rest)))
        return segments.filter { $0 != .literal("") }
    }

    /// A code derived from the inputs themselves, so a response cannot contain its own end marker,
    /// yet the same inputs always give the same prompt (and the same cache key).
    static func blockCode(for request: JudgeRequest) -> String {
        var hasher = SHA256()
        for field in Field.allCases {
            hasher.update(request.value(of: field))
            hasher.update([0])
        }
        return String(SHA256.hexString(hasher.finalize()).prefix(12))
    }

    static func block(_ field: Field, _ text: String, code: String) -> String {
        let name = field.blockName
        return "[BEGIN \(name) #\(code)]\n\(neutralised(text))\n[END \(name) #\(code)]"
    }

    /// Defuses look-alike markers inside judged text so the judge never sees two BEGIN/END lines that could pair up.
    static func neutralised(_ text: String) -> String {
        guard text.contains("[") else { return text }
        return text.replacingOccurrences(of: "[BEGIN ", with: "(BEGIN ", options: .caseInsensitive)
            .replacingOccurrences(of: "[END ", with: "(END ", options: .caseInsensitive)
    }
}

extension PromptTemplate.Field {
    var blockName: String {
        switch self {
        case .question: "QUESTION"
        case .reasoning: "REASONING"
        case .answer: "ANSWER"
        case .decision: "DECISION"
        case .reference: "REFERENCE ANSWER"
        }
    }
}

extension CustomComponent.Input {
    /// The request field that carries this input.
    var field: PromptTemplate.Field {
        switch self {
        case .prompt: .question
        case .thinking: .reasoning
        case .answer: .answer
        case .groundTruth, .images: .reference
        }
    }
}

extension JudgeRequest {
    func value(of field: PromptTemplate.Field) -> String {
        switch field {
        case .question: question
        case .reasoning: reasoning
        case .answer: answer
        case .decision: decision
        case .reference: reference
        }
    }
}

extension VerdictKind {
    /// The prompt file's name inside the prompts folder.
    var promptFileName: String {
        switch self {
        case .custom: ""
        case .thinkJudge: "think-judge.txt"
        case .logic: "logic.txt"
        case .grounding: "grounding.txt"
        case .consistency: "consistency.txt"
        case .answer: "answer.txt"
        }
    }

    var requiredFields: [PromptTemplate.Field] {
        switch self {
        case .thinkJudge: [.question, .decision]
        case .logic, .grounding: [.question, .reasoning]
        case .consistency: [.reasoning, .answer]
        case .answer: [.question, .answer, .reference]
        case .custom: []
        }
    }

    /// Kinds that look at the image: the rest judge text against text, so images would only cost tokens.
    var usesImages: Bool {
        switch self {
        // A custom component's request holds images only when it declares them.
        case .thinkJudge, .grounding, .answer, .custom: true
        case .logic, .consistency: false
        }
    }
}
