import AnswerCheck

/// How one run of a program ended, as a runner saw it.
public struct CodeExecution: Sendable, Hashable {
    /// How the process ended.
    public enum Termination: Sendable, Hashable {
        /// It exited with this status (a sandbox may report death by signal N as 128 + N).
        case exited(Int32)
        /// It was killed by this signal.
        case signalled(Int32)
        /// It was killed at the wall-clock limit.
        case timedOut
        /// It was killed for printing past the output cap.
        case outputExceeded
    }

    /// How the process ended.
    public var termination: Termination
    /// What it printed on standard output (never standard error).
    public var stdout: [UInt8]

    /// Creates an execution.
    public init(termination: Termination, stdout: [UInt8]) {
        self.termination = termination
        self.stdout = stdout
    }
}

/// Compares runs with their tests and turns a job's outcomes into the answer component. Pure.
public enum CodeGrading {
    /// SIGXCPU: the CPU-time limit's signal.
    static let cpuLimitSignal: Int32 = 24

    /// The outcome of one test: a crash or a non-zero exit fails it even when the expected output is empty.
    /// An assert-style test run with a `completionToken` passes only when that token is a line of the
    /// output: the program reached the end of the test code instead of exiting early.
    public static func outcome(of execution: CodeExecution, for test: CodeTestCase, completionToken: String? = nil) -> CodeTestOutcome {
        switch execution.termination {
        case .outputExceeded: return .outputLimit
        case .timedOut: return .timeout
        case .signalled(let signal): return signal == cpuLimitSignal ? .timeout : .runtimeError
        case .exited(let status) where status == 128 + cpuLimitSignal: return .timeout
        case .exited(let status) where status != 0: return .runtimeError
        case .exited:
            guard let expected = test.expectedStdout else {
                guard let completionToken else { return .passed }
                return normalizedLines(execution.stdout).contains(ArraySlice(completionToken.utf8)) ? .passed : .runtimeError
            }
            return outputsMatch(execution.stdout, Array(expected.utf8)) ? .passed : .wrongOutput
        }
    }

    /// Whether two outputs are the same once each line's trailing whitespace (and `\r`) and trailing
    /// empty lines are dropped.
    public static func outputsMatch(_ actual: [UInt8], _ expected: [UInt8]) -> Bool {
        normalizedLines(actual) == normalizedLines(expected)
    }

    static func normalizedLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line[..<(line.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? line.startIndex)]
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// The answer component of a run: 1 when every test passed (or, with `share`, the share that
    /// passed), with the reason of the first failed test when below 1.
    public static func score(_ result: CodeRunResult, share: Bool) -> (value: Double, reason: AnswerReason?) {
        guard !result.outcomes.isEmpty else { return (0, .testsFailed) }
        let reason = result.firstFailure?.answerReason
        guard reason != nil else { return (1, nil) }
        return (share ? Double(result.passedCount) / Double(result.outcomes.count) : 0, reason)
    }
}
