import AnswerCheck

/// One rollout object as read from the wire: the rollout or what is wrong with it, with what could be kept.
public struct RolloutItem: Sendable {
    /// The rollout, or the error naming the wrong field.
    public var rollout: Result<Rollout, RewardError>
    /// The id, kept even when the rest is bad, so the error result still carries it.
    public var id: RolloutID?
    /// `requires_reasoning`, kept even when the rest is bad (rescore echoes it).
    public var label: Bool?
    /// What reading noticed; also inside the rollout on success.
    public var warnings: [RewardWarning]

    /// An item that failed before any field could be read.
    public static func failure(_ error: RewardError) -> RolloutItem {
        RolloutItem(rollout: .failure(error), id: nil, label: nil, warnings: [])
    }

    /// Whether the rollout could not be read.
    var isFailure: Bool {
        if case .failure = rollout { return true }
        return false
    }

    /// The error, nested under `parent` (`rollouts[3]`), or the item unchanged.
    func nested(under parent: String) -> RolloutItem {
        guard case .failure(let error) = rollout else { return self }
        var copy = self
        copy.rollout = .failure(error.nested(under: parent))
        return copy
    }
}

/// The members of one rollout object: the fields the contract names, and the names of the others.
struct RolloutFields {
    /// The rollout fields the contract defines; others are skipped unbuilt and named in a warning.
    static let names: [String] = [
        "id", "prompt", "response", "ground_truth", "answer_type", "requires_reasoning", "images", "group", "tolerance", "prefix",
        "layout", "extraction", "task", "precision", "prompt_id", "answer_options", "answer_threshold", "image_size", "input_size",
    ]
    /// The fields of `names`, in the same order: a read finds its value by position, not by
    /// comparing names against every member (that and hashing were a fifth of reading a rollout).
    enum Field: Int, CaseIterable {
        case id, prompt, response, groundTruth, answerType, requiresReasoning, images, group, tolerance, prefix
        case layout, extraction, task, precision, promptID, answerOptions, answerThreshold, imageSize, inputSize

        /// The field's JSON name.
        var name: String { RolloutFields.names[rawValue] }
    }

    /// `names` by their length in bytes, so a key is compared with one or two names at most.
    private static let fieldsByLength: [[Field]] = {
        var table = [[Field]](repeating: [], count: names.map(\.utf8.count).max()! + 1)
        for field in Field.allCases { table[field.name.utf8.count].append(field) }
        return table
    }()

    /// The field named `key`, if the contract defines one.
    static func field(named key: String) -> Field? {
        let length = key.utf8.count
        guard length < fieldsByLength.count else { return nil }
        return fieldsByLength[length].first { $0.name == key }
    }

    /// The value of each field of `names`, the first written where a name repeats (as JSONDecoder reads).
    var values = [JSONValue?](repeating: nil, count: names.count)
    /// The contract's fields in the order written, kept only when `keepsOrder` (a batch's top level warns about them).
    var written: [String] = []
    var keepsOrder = false
    var unknown: [String] = []
    /// Further names this object may hold without a warning (`rollouts`, `config` in a single-rollout body).
    var alsoKnown: Set<String> = []

    /// Reads the value under `key` if it is a rollout field, else validates and skips it.
    mutating func take(_ key: String, from parser: inout JSONParser, depth: Int) throws(JSONSyntaxError) {
        if let field = Self.field(named: key) {
            let value = try parser.value(depth: depth)
            if values[field.rawValue] == nil { values[field.rawValue] = value }
            if keepsOrder { written.append(key) }
        } else {
            if !alsoKnown.contains(key) { unknown.append(key) }
            try parser.skipValue(depth: depth)
        }
    }

    /// The members of an object already read (a trainer label, a NeMo-Gym body); other names become warnings.
    init(members: [(key: String, value: JSONValue)]) {
        for (key, value) in members {
            if let field = Self.field(named: key) {
                if values[field.rawValue] == nil { values[field.rawValue] = value }
            } else {
                unknown.append(key)
            }
        }
    }

    init() {}

    /// Reads a whole `{...}` at the parser's position.
    static func read(from parser: inout JSONParser, depth: Int) throws(JSONSyntaxError) -> RolloutFields {
        var fields = RolloutFields()
        try parser.members(depth: depth) { (key, parser) throws(JSONSyntaxError) in
            try fields.take(key, from: &parser, depth: depth + 1)
        }
        return fields
    }

    /// The rollout these members describe; `requireResponse` is false for OpenRLHF labels.
    func item(requireResponse: Bool = true) -> RolloutItem {
        let label = present(.requiresReasoning)?.bool
        var warnings = unknown.map(Self.unknownFieldWarning) + AnswerOptions.warnings(for: present(.answerOptions))
        let id: RolloutID?
        do throws(RewardError) {
            id = try readID()
        } catch {
            return RolloutItem(rollout: .failure(error), id: nil, label: label, warnings: warnings)
        }
        do throws(RewardError) {
            var rollout = try read(id: id, requireResponse: requireResponse)
            warnings += ControlCharacters.warnings(in: rollout)
            rollout.warnings = warnings
            return RolloutItem(rollout: .success(rollout), id: id, label: label, warnings: warnings)
        } catch {
            return RolloutItem(rollout: .failure(error), id: id, label: label, warnings: warnings)
        }
    }

    static func unknownFieldWarning(_ name: String) -> RewardWarning {
        let hint = FieldSpelling.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        return RewardWarning(code: .unknownField, message: "unknown field '\(name)' was ignored\(hint)", field: name)
    }

    func readID() throws(RewardError) -> RolloutID? {
        switch present(.id) {
        case nil: return nil
        case .string(let text): return .string(text)
        case .number(let number) where number.integer != nil: return .integer(number.integer!)
        default: throw RewardError(code: .wrongType, message: "id must be a string or an integer", field: "id")
        }
    }

    func read(id: RolloutID?, requireResponse: Bool) throws(RewardError) -> Rollout {
        let response = try string(.response) ?? (requireResponse ? nil : "")
        guard let response else {
            throw RewardError(code: .missingField, message: "response is required", field: "response")
        }
        var rollout = Rollout(
            id: id,
            prompt: try string(.prompt) ?? "",
            response: response,
            groundTruths: try groundTruths(),
            answerType: try choice(AnswerType.self, .answerType) ?? .auto,
            requiresReasoning: try bool(.requiresReasoning),
            images: try strings(.images) ?? [],
            group: try scalarText(.group),
            tolerance: try number(.tolerance, in: 0...1),
            prefix: try string(.prefix)
        )
        rollout.layout = try choice(Layout.self, .layout)
        rollout.extraction = try choice(Extraction.self, .extraction)
        rollout.precision = try number(.precision, in: 0...15).map { number throws(RewardError) in
            guard number == number.rounded() else {
                throw RewardError(code: .wrongType, message: "precision must be a whole number of decimal places", field: "precision")
            }
            return Int(number)
        }
        rollout.task = try scalarText(.task)
        rollout.promptID = try scalarText(.promptID)
        rollout.answerThreshold = try number(.answerThreshold, in: 0...1)
        rollout.answerOptions = try answerOptions()
        rollout.structuredGroundTruth = structuredGroundTruth()
        return rollout
    }

    /// `answer_options` with the rollout's `image_size` and `input_size`; nil when none of them is given.
    func answerOptions() throws(RewardError) -> AnswerOptions? {
        let options = try present(.answerOptions).map { value throws(RewardError) in try AnswerOptions(wire: value) }
        let imageSize = try AnswerOptions.size(present(.imageSize), "image_size")
        let inputSize = try AnswerOptions.size(present(.inputSize), "input_size")
        guard options != nil || imageSize != nil || inputSize != nil else { return nil }
        var result = options ?? AnswerOptions()
        result.imageSize = imageSize
        result.inputSize = inputSize
        return result
    }

    /// The ground truth as compact JSON when it is an object or a list of lists or objects (`boxes`),
    /// which only the graded types read.
    func structuredGroundTruth() -> String? {
        guard let value = present(.groundTruth), Self.isStructured(value) else { return nil }
        var writer = JSONWriter(capacity: 64)
        writer.value(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func isStructured(_ value: JSONValue) -> Bool {
        switch value {
        case .object: return true
        case .array(let items):
            return !items.isEmpty && items.allSatisfy {
                if case .array = $0 { return true }
                if case .object = $0 { return true }
                return false
            }
        default: return false
        }
    }

    /// The member unless it is missing or null, which both mean "not given".
    func present(_ field: Field) -> JSONValue? {
        guard let value = values[field.rawValue], value != .null else { return nil }
        return value
    }

    func string(_ field: Field) throws(RewardError) -> String? { try WireField.string(present(field), field.name) }
    func bool(_ field: Field) throws(RewardError) -> Bool? { try WireField.bool(present(field), field.name) }
    func strings(_ field: Field) throws(RewardError) -> [String]? { try WireField.strings(present(field), field.name) }
    func scalarText(_ field: Field) throws(RewardError) -> String? { try WireField.scalarText(present(field), field.name) }

    func number(_ field: Field, in range: ClosedRange<Double>) throws(RewardError) -> Double? {
        try WireField.number(present(field), field.name, in: range)
    }

    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ field: Field) throws(RewardError) -> T? where T.RawValue == String {
        try WireField.choice(type, present(field), field.name)
    }

    /// A ground truth is a string, a number, or a list of them (acceptable answers; the graded types
    /// read such a list as one value, `[x1, y1, x2, y2]`); an object or a list of lists or objects is one
    /// structured ground truth.
    func groundTruths() throws(RewardError) -> [String]? {
        guard let value = present(.groundTruth) else { return nil }
        if let structured = structuredGroundTruth() { return [structured] }
        switch value {
        case .array(let items):
            let texts = items.compactMap(WireField.scalar)
            guard texts.count == items.count else {
                throw WireField.wrongType("ground_truth", "a string, a number, a list of them, or an object or list of objects")
            }
            return texts
        default:
            guard let text = WireField.scalar(value) else { throw WireField.wrongType("ground_truth", "a string, a number, a list or an object") }
            return [text]
        }
    }
}

extension Wire {
    /// Reads one rollout object (a JSONL line of `referee rescore`); never throws, so one bad line fails alone.
    public static func readRollout(_ bytes: UnsafeBufferPointer<UInt8>) -> RolloutItem {
        var fields = RolloutFields()
        do throws(RewardError) {
            try readObject(bytes, what: "the line", notObject: "a rollout must be a JSON object") { (key, parser) throws(JSONSyntaxError) in
                try fields.take(key, from: &parser, depth: 1)
            }
        } catch {
            return .failure(error)
        }
        return fields.item()
    }

    /// Reads one rollout object from an array of bytes.
    public static func readRollout(_ bytes: [UInt8]) -> RolloutItem {
        bytes.withUnsafeBufferPointer { readRollout($0) }
    }

    /// The `invalid_json` error for `what` (`the body`, `the line`), naming the line, column and problem.
    static func invalidJSON(_ error: JSONSyntaxError, what: String) -> RewardError {
        RewardError(code: .invalidJSON, message: "\(what) is not valid JSON: \(error.description)")
    }
}
