import AnswerCheck
import Testing

@testable import RewardCore

/// A runner that "executes" a program with a closure and grades it as a real runner does; it counts jobs.
struct FakeCodeRunner: CodeRunner {
    let execute: @Sendable (String, CodeTestCase) -> CodeExecution
    let jobs = JobLog()

    func run(_ job: CodeJob) async throws -> CodeRunResult {
        await jobs.append(job)
        var outcomes: [CodeTestOutcome] = []
        for test in job.tests {
            if job.stopAtFirstFailure, outcomes.contains(where: { $0 != .passed }) {
                outcomes.append(.notRun)
            } else {
                outcomes.append(CodeGrading.outcome(of: execute(job.program, test), for: test))
            }
        }
        return CodeRunResult(outcomes: outcomes)
    }

    /// A runner for programs that double their input: `print(2 * n)` doubles, anything else prints the input.
    /// A fresh one each time, so that parallel tests do not share its job log.
    static var doubling: FakeCodeRunner {
        FakeCodeRunner { program, test in
        let n = Int(test.stdin.trimmedWhitespace) ?? 0
        if program.contains("raise") { return CodeExecution(termination: .exited(1), stdout: []) }
        if program.contains("while True") { return CodeExecution(termination: .timedOut, stdout: []) }
        return CodeExecution(termination: .exited(0), stdout: Array("\(program.contains("2 * n") ? 2 * n : n)\n".utf8))
        }
    }
}

actor JobLog {
    var jobs: [CodeJob] = []
    func append(_ job: CodeJob) { jobs.append(job) }
}

/// A runner that always fails as a broken sandbox does.
struct BrokenCodeRunner: CodeRunner {
    func run(_ job: CodeJob) async throws -> CodeRunResult { throw CodeRunnerFailure(message: "bubblewrap did not start the program") }
}

@Suite("Code answers: extraction, test specs, output comparison, scoring through the engine")
struct CodeAnswerTests {
    static let doubling = #"{"language": "python", "tests": [{"stdin": "3\n", "stdout": "6\n"}, {"stdin": "5\n", "stdout": "10"}]}"#

    func rollout(_ response: String, truth: String = doubling, extra: String = "") throws -> Rollout {
        try Wire.readRollout(Array(#"{"layout": "r1", "answer_type": "code", "ground_truth": \#(truth)\#(extra), "response": \#(jsonString(response))}"#.utf8)).rollout.get()
    }

    func jsonString(_ text: String) -> String {
        var writer = JSONWriter(capacity: text.utf8.count + 2)
        writer.string(text)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func answer(_ code: String, fence: String = "```python") -> String {
        "<think>double it</think><answer>Here:\n\(fence)\n\(code)\n```\n</answer>"
    }

    // MARK: extraction

    @Test(
        "the program is the last fenced block in Python or with no language",
        arguments: [
            ("```python\nprint(1)\n```", "print(1)"),
            ("```\nprint(1)\n```", "print(1)"),
            ("```py\na = 1\nprint(a)\n```", "a = 1\nprint(a)"),
            ("```python\nprint(1)\n```\nthen\n```python\nprint(2)\n```", "print(2)"),
            // A later block in another language is output, not the program.
            ("```python\nprint(1)\n```\nIt prints:\n```text\n1\n```", "print(1)"),
            // A four-backtick fence holds a three-backtick line.
            ("````python\ns = '```'\n````", "s = '```'"),
            ("  ```python\r\nprint(3)\r\nprint(4)\r\n  ```\r\n", "print(3)\nprint(4)"),
        ])
    func extraction(text: String, program: String) {
        #expect(CodeExtraction.lastFencedBlock(in: text) == program)
    }

    @Test("no block: an unclosed fence, inline triple backticks, only other languages")
    func noBlock() {
        #expect(CodeExtraction.lastFencedBlock(in: "```python\nprint(1)\n") == nil)
        #expect(CodeExtraction.lastFencedBlock(in: "use ```print(1)``` here") == nil)
        #expect(CodeExtraction.lastFencedBlock(in: "```bash\nls\n```") == nil)
        #expect(CodeExtraction.lastFencedBlock(in: "plain text") == nil)
    }

    // MARK: test specs

    @Test("a spec with tests, one with test_code, and the limits it may lower")
    func specs() throws {
        let tests = try CodeTestSpec(json: Self.doubling)
        #expect(tests.language == .python)
        #expect(tests.tests == [CodeTestCase(stdin: "3\n", expectedStdout: "6\n"), CodeTestCase(stdin: "5\n", expectedStdout: "10")])
        let asserts = try CodeTestSpec(json: #"{"test_code": "assert double(2) == 4", "time_limit": 2, "memory_limit": 128}"#)
        #expect(asserts.language == .python)
        #expect(asserts.timeLimitSeconds == 2)
        #expect(asserts.memoryLimitMiB == 128)
        let list = try CodeTestSpec(json: #"[{"stdin": "3\n", "stdout": "6\n"}]"#)
        #expect(list.tests == [CodeTestCase(stdin: "3\n", expectedStdout: "6\n")])
        let job = asserts.job(running: "def double(x):\n    return 2 * x", stopAtFirstFailure: true)
        #expect(job.program == "def double(x):\n    return 2 * x\n\nassert double(2) == 4\n")
        #expect(job.tests == [CodeTestCase(expectedStdout: nil)])
    }

    @Test(
        "a bad spec is an error naming the field",
        arguments: [
            (#"{"language": "cobol", "tests": [{"stdout": "1"}]}"#, ErrorCode.invalidValue, "ground_truth.language"),
            (#"{"language": "python"}"#, .missingField, "ground_truth.tests"),
            (#"{"tests": []}"#, .missingField, "ground_truth.tests"),
            (#"{"tests": [{"stdin": "1"}]}"#, .missingField, "ground_truth.tests[0].stdout"),
            (#"{"tests": [{"stdin": "1", "stdout": 2}]}"#, .wrongType, "ground_truth.tests[0].stdout"),
            (#"{"tests": [{"stdout": "1"}, {"input": "1", "stdout": "2"}]}"#, .invalidValue, "ground_truth.tests[1].input"),
            (#"{"test_cod": "assert True"}"#, .invalidValue, "ground_truth.test_cod"),
            (#"{"tests": {"stdout": "1"}}"#, .wrongType, "ground_truth.tests"),
            (#"{"test_code": "assert True", "time_limit": 0}"#, .outOfRange, "ground_truth.time_limit"),
            (#"[1, 2]"#, .wrongType, "ground_truth.tests[0]"),
            (#"[{"stdin": "1"}]"#, .missingField, "ground_truth.tests[0].stdout"),
            (#"print(1)"#, .wrongType, "ground_truth"),
        ])
    func badSpec(json: String, code: ErrorCode, field: String) {
        #expect(throws: RewardError.self) { try CodeTestSpec(json: json) }
        do {
            _ = try CodeTestSpec(json: json)
        } catch {
            #expect(error.code == code)
            #expect(error.field == field, "\(error.message)")
        }
    }

    // MARK: comparison and grading

    @Test(
        "outputs compare after trimming each line's trailing whitespace and trailing empty lines",
        arguments: [
            ("6\n", "6", true), ("6  \r\n\n\n", "6\n", true), ("1 2\n3\n", "1 2  \n3", true),
            ("6\n", "7\n", false), (" 6\n", "6\n", false), ("1\n\n2\n", "1\n2\n", false), ("", "0", false),
        ])
    func comparison(actual: String, expected: String, same: Bool) {
        #expect(CodeGrading.outputsMatch(Array(actual.utf8), Array(expected.utf8)) == same)
    }

    @Test("a crash or a non-zero exit fails a test even when the expected output is empty; CPU limits are timeouts")
    func crashes() {
        let empty = CodeTestCase(expectedStdout: "")
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .exited(0), stdout: []), for: empty) == .passed)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .exited(1), stdout: []), for: empty) == .runtimeError)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .signalled(9), stdout: []), for: empty) == .runtimeError)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .exited(1), stdout: []), for: CodeTestCase(expectedStdout: nil)) == .runtimeError)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .exited(152), stdout: []), for: empty) == .timeout)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .signalled(24), stdout: []), for: empty) == .timeout)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .timedOut, stdout: []), for: empty) == .timeout)
        #expect(CodeGrading.outcome(of: CodeExecution(termination: .outputExceeded, stdout: []), for: empty) == .outputLimit)
    }

    @Test("an assert-style test passes only when the run echoes its own nonce; stdin/stdout tests get neither")
    func completionToken() async throws {
        let asserts = CodeJob(program: "code", tests: [CodeTestCase(expectedStdout: nil), CodeTestCase(expectedStdout: nil)], stopAtFirstFailure: false)
        var nonces = ["n1", "n2"].makeIterator()
        var seen: [(String, String)] = []
        // A run that echoes the last stdin line passes; one that exits 0 with other output does not.
        let result = try await CodeHarness.run(asserts, nonce: { nonces.next()! }) { program, stdin in
            seen.append((program, stdin))
            let echoed = seen.count == 1 ? "out\n" + stdin : "out\nn1\n"
            return CodeExecution(termination: .exited(0), stdout: Array(echoed.utf8))
        }
        #expect(result.outcomes == [.passed, .runtimeError])
        #expect(seen.map(\.1) == ["n1\n", "n2\n"])
        // The driver carries the program hex-encoded ("code") and reads the token before running it.
        #expect(seen.allSatisfy { $0.0.contains(#"bytes.fromhex("636f6465")"#) && $0.0.contains("stdin.buffer.readline()") })
        let io = CodeJob(program: "code", tests: [CodeTestCase(stdin: "3\n", expectedStdout: "6")])
        let plain = try await CodeHarness.run(io, nonce: { Issue.record("no nonce for a stdin/stdout test"); return "" }) { program, stdin in
            #expect(program == "code" && stdin == "3\n")
            return CodeExecution(termination: .exited(0), stdout: Array("6\n".utf8))
        }
        #expect(plain.outcomes == [.passed])
        #expect(CodeHarness.randomNonce() != CodeHarness.randomNonce())
    }

    @Test("all must pass by default; with partial share the passed share counts, with the first failure's reason")
    func shares() {
        let mixed = CodeRunResult(outcomes: [.passed, .wrongOutput, .passed, .timeout])
        #expect(CodeGrading.score(mixed, share: false) == (0, .testsFailed))
        #expect(CodeGrading.score(mixed, share: true) == (0.5, .testsFailed))
        #expect(CodeGrading.score(CodeRunResult(outcomes: [.passed, .passed]), share: false) == (1, nil))
        #expect(CodeGrading.score(CodeRunResult(outcomes: [.runtimeError, .notRun]), share: false) == (0, .runtimeError))
        #expect(CodeGrading.score(CodeRunResult(outcomes: []), share: true) == (0, .testsFailed))
    }

    // MARK: the engine

    @Test("a right program scores 1, a wrong one 0 with tests_failed, a crash runtime_error, a loop timeout")
    func engine() async throws {
        let engine = RewardEngine(codeRunner: FakeCodeRunner.doubling)
        let options = ScoringOptions()
        let right = await engine.score(try rollout(answer("n = int(input())\nprint(2 * n)")), options: options)
        #expect(right.components[.answer] == 1)
        #expect(right.reward == 1)
        let wrong = await engine.score(try rollout(answer("print(input())")), options: options)
        #expect(wrong.components[.answer] == 0)
        #expect(wrong.reasons[.answer] == AnswerReason.testsFailed.rawValue)
        let crash = await engine.score(try rollout(answer("raise SystemExit(1)")), options: options)
        #expect(crash.reasons[.answer] == AnswerReason.runtimeError.rawValue)
        let loop = await engine.score(try rollout(answer("while True: pass")), options: options)
        #expect(loop.reasons[.answer] == AnswerReason.timeout.rawValue)
    }

    @Test("without a fenced block the answer block is the program; with neither, no_code and no run")
    func fallbackAndNoCode() async throws {
        let runner = FakeCodeRunner.doubling
        let engine = RewardEngine(codeRunner: runner)
        let bare = await engine.score(try rollout("<think>x</think><answer>n = int(input())\nprint(2 * n)</answer>"), options: ScoringOptions())
        #expect(bare.components[.answer] == 1)
        let empty = await engine.score(try rollout("<think>x</think><answer>```python\n\n```</answer>"), options: ScoringOptions())
        #expect(empty.reasons[.answer] == AnswerReason.noCode.rawValue)
        #expect(await runner.jobs.jobs.count == 1)
    }

    @Test("answer_options partial share scores the share of passed tests and runs them all")
    func partialShare() async throws {
        let runner = FakeCodeRunner { _, test in
            CodeExecution(termination: .exited(0), stdout: Array((test.stdin == "3\n" ? "6" : "0").utf8))
        }
        let engine = RewardEngine(codeRunner: runner)
        let share = await engine.score(try rollout(answer("x"), extra: #", "answer_options": {"partial": "share"}"#), options: ScoringOptions())
        #expect(share.components[.answer] == 0.5)
        #expect(share.reasons[.answer] == AnswerReason.testsFailed.rawValue)
        let exact = await engine.score(try rollout(answer("x")), options: ScoringOptions())
        #expect(exact.components[.answer] == 0)
        let jobs = await runner.jobs.jobs
        #expect(jobs.map(\.stopAtFirstFailure) == [false, true])
    }

    @Test("without a runner a code rollout abstains with no_sandbox; a failing runner with sandbox_unavailable; never a 0")
    func abstentions() async throws {
        let none = await RewardEngine().score(try rollout(answer("print(1)")), options: ScoringOptions())
        #expect(none.reward == nil)
        #expect(none.error?.code == .noSandbox)
        let rules = RewardEngine(codeRunner: FakeCodeRunner.doubling).scoreWithRules(try rollout(answer("print(1)")), options: ScoringOptions())
        #expect(rules.error?.code == .noSandbox)
        let broken = await RewardEngine(codeRunner: BrokenCodeRunner()).score(try rollout(answer("print(1)")), options: ScoringOptions())
        #expect(broken.reward == nil)
        #expect(broken.error?.code == .sandboxUnavailable)
        #expect(broken.components[.answer] == nil)
    }

    @Test("a malformed test spec makes the rollout abstain naming the field, and nothing runs")
    func malformedSpec() async throws {
        let runner = FakeCodeRunner.doubling
        let result = await RewardEngine(codeRunner: runner).score(
            try rollout(answer("print(1)"), truth: #"{"tests": [{"stdin": "1"}]}"#), options: ScoringOptions())
        #expect(result.reward == nil)
        #expect(result.error?.field == "ground_truth.tests[0].stdout")
        let missing = await RewardEngine(codeRunner: runner).score(
            try Wire.readRollout(Array(#"{"answer_type": "code", "response": "```\nprint(1)\n```"}"#.utf8)).rollout.get(), options: ScoringOptions())
        #expect(missing.error?.code == .missingField)
        #expect(await runner.jobs.jobs.isEmpty)
    }

    @Test("a reward already fixed by format skips the run (short circuit); a batch runs code rollouts through the runner")
    func shortCircuitAndBatch() async throws {
        let runner = FakeCodeRunner.doubling
        var options = ScoringOptions()
        options.formula = try Formula.parse("format * answer")
        let engine = RewardEngine(codeRunner: runner)
        let unformatted = await engine.score(try rollout("<answer>\n```python\nprint(2 * n)\n```\n</answer>"), options: options)
        #expect(unformatted.reward == 0)
        #expect(unformatted.skipped[.answer] == SkipReason.shortCircuit.rawValue)
        #expect(await runner.jobs.jobs.isEmpty)
        let batch = await engine.scoreBatch([try rollout(answer("n = int(input())\nprint(2 * n)")), try rollout(answer("print(0)"))], options: ScoringOptions())
        #expect(batch.results.map(\.components[.answer]) == [1, 0])
        #expect(await runner.jobs.jobs.count == 2)
    }

    @Test("partial share survives the wire: written back and read again")
    func optionsRoundTrip() throws {
        var options = AnswerOptions()
        options.codeCredit = .share
        var writer = JSONWriter(capacity: 64)
        options.write(to: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"partial":"share"}"#)
        let read = try AnswerOptions(wire: JSONParser.parse(writer.bytes))
        #expect(read.codeCredit == .share)
    }
}
