/// A `code` ground truth: `{"language": "python", "tests": [{"stdin": "3\n", "stdout": "6\n"}]}`, or
/// `{"language": "python", "test_code": "assert double(2) == 4"}`, with optional `time_limit` (seconds)
/// and `memory_limit` (MiB) that the sandbox's own limits cap; a bare list of tests stands for `{"tests": [...]}`.
public struct CodeTestSpec: Sendable, Hashable {
    /// The language the answer's code is run as; `python` when the ground truth names none.
    public var language: CodeLanguage
    /// The stdin/stdout tests.
    public var tests: [CodeTestCase]
    /// Code appended to the answer's program; it passes when the program then exits with status 0.
    public var testCode: String?
    /// The per-test time limit in seconds.
    public var timeLimitSeconds: Double?
    /// The memory limit in MiB.
    public var memoryLimitMiB: Int?

    /// The keys a code ground truth may hold.
    static let keys = ["language", "tests", "test_code", "time_limit", "memory_limit"]
    /// The most tests one ground truth may hold.
    static let maxTests = 1_000

    /// Reads the ground truth's JSON text; errors name the field as `ground_truth.NAME`.
    public init(json: String) throws(RewardError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(json.utf8))
        } catch {
            throw RewardError(code: .wrongType, message: "a code ground truth must be a JSON object with tests or test_code", field: "ground_truth")
        }
        do throws(RewardError) {
            self = try CodeTestSpec(value)
        } catch {
            throw error.nested(under: "ground_truth")
        }
    }

    private init(_ value: JSONValue) throws(RewardError) {
        if case .array = value {
            self = try CodeTestSpec(.object(JSONObject([(key: "tests", value: value)])))
            return
        }
        guard case .object(let object) = value else {
            throw RewardError(code: .wrongType, message: "a code ground truth must be a JSON object with tests or test_code")
        }
        for key in object.members.map(\.key) where !Self.keys.contains(key) {
            let hint = FieldSpelling.closest(to: key, among: Self.keys).map { " (did you mean '\($0)'?)" } ?? ""
            throw RewardError(code: .invalidValue, message: "a code ground truth has no key '\(key)'\(hint)", field: key)
        }
        language = try WireField.choice(CodeLanguage.self, object, "language") ?? .python
        testCode = try WireField.string(object, "test_code")
        timeLimitSeconds = try WireField.number(object, "time_limit", in: 0.001...3600)
        memoryLimitMiB = try WireField.number(object, "memory_limit", in: 1...1_048_576).map { Int($0.rounded(.up)) }
        tests = []
        if let list = WireField.present(object, "tests") {
            guard case .array(let items) = list else { throw WireField.wrongType("tests", "a list of {\"stdin\", \"stdout\"} objects") }
            guard items.count <= Self.maxTests else {
                throw RewardError(code: .outOfRange, message: "a code ground truth may hold at most \(Self.maxTests) tests", field: "tests")
            }
            for (offset, item) in items.enumerated() {
                do throws(RewardError) {
                    tests.append(try Self.test(item))
                } catch {
                    throw error.nested(under: "tests[\(offset)]")
                }
            }
        }
        guard !tests.isEmpty || testCode != nil else {
            throw RewardError(code: .missingField, message: "a code ground truth needs tests or test_code", field: "tests")
        }
    }

    private static func test(_ value: JSONValue) throws(RewardError) -> CodeTestCase {
        guard case .object(let object) = value else { throw RewardError(code: .wrongType, message: "a test must be an object with stdin and stdout") }
        for key in object.members.map(\.key) where key != "stdin" && key != "stdout" {
            throw RewardError(code: .invalidValue, message: "a test has no key '\(key)' (it holds stdin and stdout)", field: key)
        }
        guard let stdout = try WireField.string(object, "stdout") else {
            throw RewardError(code: .missingField, message: "a test needs the stdout it expects", field: "stdout")
        }
        return CodeTestCase(stdin: try WireField.string(object, "stdin") ?? "", expectedStdout: stdout)
    }

    /// The job that runs `code` against these tests; with `test_code` alone, one test that only checks the exit status.
    public func job(running code: String, stopAtFirstFailure: Bool) -> CodeJob {
        let program = testCode.map { code + "\n\n" + $0 + "\n" } ?? code
        return CodeJob(
            language: language, program: program, tests: tests.isEmpty ? [CodeTestCase(expectedStdout: nil)] : tests,
            timeLimitSeconds: timeLimitSeconds, memoryLimitMiB: memoryLimitMiB, stopAtFirstFailure: stopAtFirstFailure)
    }
}
