import AnswerCheck

/// The languages a `code` answer may be written in.
public enum CodeLanguage: String, Sendable, Hashable, CaseIterable {
    /// Python 3.
    case python
}

/// One stdin/stdout test: the input the program reads and the output it must print.
public struct CodeTestCase: Sendable, Hashable {
    /// Bytes written to the program's standard input.
    public var stdin: String
    /// What standard output must hold (compared after trimming trailing whitespace); nil checks only
    /// that the program exits with status 0 (assert-style `test_code`).
    public var expectedStdout: String?

    /// Creates a test.
    public init(stdin: String = "", expectedStdout: String?) {
        self.stdin = stdin
        self.expectedStdout = expectedStdout
    }
}

/// Everything that decides the outcome of running one answer's code; equal jobs have equal results,
/// so a job is its own cache key.
public struct CodeJob: Sendable, Hashable {
    /// The language of `program`.
    public var language: CodeLanguage
    /// The program run for every test: the answer's code, followed by the ground truth's `test_code`.
    public var program: String
    /// The tests, run in order.
    public var tests: [CodeTestCase]
    /// The ground truth's per-test time limit in seconds; the runner's own limit caps it.
    public var timeLimitSeconds: Double?
    /// The ground truth's memory limit in MiB; the runner's own limit caps it.
    public var memoryLimitMiB: Int?
    /// Stop at the first failed test: all must pass, so the rest cannot change the score.
    public var stopAtFirstFailure: Bool

    /// Creates a job.
    public init(
        language: CodeLanguage = .python, program: String, tests: [CodeTestCase], timeLimitSeconds: Double? = nil,
        memoryLimitMiB: Int? = nil, stopAtFirstFailure: Bool = true
    ) {
        self.language = language
        self.program = program
        self.tests = tests
        self.timeLimitSeconds = timeLimitSeconds
        self.memoryLimitMiB = memoryLimitMiB
        self.stopAtFirstFailure = stopAtFirstFailure
    }
}

/// How one test went.
public enum CodeTestOutcome: String, Sendable, Hashable, CaseIterable {
    /// Exit status 0 and the expected output.
    case passed
    /// Exit status 0 but a different output.
    case wrongOutput = "wrong_output"
    /// A non-zero exit status, or death by a signal other than the time limits'.
    case runtimeError = "runtime_error"
    /// The CPU or wall-clock limit was hit.
    case timeout
    /// Standard output grew past the runner's cap.
    case outputLimit = "output_limit"
    /// Not run: an earlier test failed and all must pass.
    case notRun = "not_run"

    /// The answer reason a failed test gives.
    public var answerReason: AnswerReason? {
        switch self {
        case .passed: nil
        case .wrongOutput, .notRun: .testsFailed
        case .runtimeError: .runtimeError
        case .timeout: .timeout
        case .outputLimit: .outputLimit
        }
    }
}

/// The outcome of each test of a job, in the job's order.
public struct CodeRunResult: Sendable, Hashable {
    /// One outcome per test of the job.
    public var outcomes: [CodeTestOutcome]

    /// Creates a result.
    public init(outcomes: [CodeTestOutcome]) {
        self.outcomes = outcomes
    }

    /// How many tests passed.
    public var passedCount: Int { outcomes.count(where: { $0 == .passed }) }

    /// The first failed test's outcome; nil when all passed.
    public var firstFailure: CodeTestOutcome? { outcomes.first { $0 != .passed } }
}

/// Why a job could not be run at all; the rollout abstains (`sandbox_unavailable`), it is never scored 0.
public struct CodeRunnerFailure: Error, Sendable, Hashable {
    /// What went wrong, for a person; free of host details a client should not see.
    public var message: String

    /// Creates a failure.
    public init(message: String) {
        self.message = message
    }
}

/// Runs a `code` answer's program against its tests, isolated from the host; implementations
/// bound their work and throw `CodeRunnerFailure` when they cannot run it.
public protocol CodeRunner: Sendable {
    /// Runs every test of `job` (or up to the first failure when it says so).
    func run(_ job: CodeJob) async throws -> CodeRunResult
}
