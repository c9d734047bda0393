/// How a runner turns a job's tests into runs, the same for every backend.
///
/// An assert-style test (`test_code`, no expected output) passes only when the test code ran to its
/// end. The runner puts a fresh random token on standard input; a small Python driver reads it, points
/// standard input at /dev/null, runs the answer and the test code (as `__main__`, from `solution.py`)
/// and only then prints the token. A program that leaves early with status 0 (`sys.exit(0)`,
/// `os._exit(0)`) never prints it, and one that reads standard input finds nothing there.
public enum CodeHarness {
    /// The driver around an assert-style program, which it carries hex-encoded.
    static func assertDriver(_ program: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(program.utf8.count * 2)
        for byte in program.utf8 {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return """
            def _referee_run():
                import os, sys
                token = sys.stdin.buffer.readline()
                os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
                sys.stdin = open(os.devnull)
                source = bytes.fromhex("\(String(decoding: hex, as: UTF8.self))").decode()
                exec(compile(source, "solution.py", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
                sys.stdout.flush()
                os.write(1, b"\\n" + token)
            _referee_run()

            """
    }

    /// Runs each test of `job` through `execute` (program, stdin), stopping at the first failure when the
    /// job says so; `nonce` gives a fresh unguessable token per run.
    public static func run(
        _ job: CodeJob, nonce: () -> String, execute: (_ program: String, _ stdin: String) async throws -> CodeExecution
    ) async throws -> CodeRunResult {
        var outcomes: [CodeTestOutcome] = []
        for test in job.tests {
            if job.stopAtFirstFailure, outcomes.contains(where: { $0 != .passed }) {
                outcomes.append(.notRun)
                continue
            }
            if test.expectedStdout == nil {
                let token = nonce()
                let execution = try await execute(assertDriver(job.program), token + "\n" + test.stdin)
                outcomes.append(CodeGrading.outcome(of: execution, for: test, completionToken: token))
            } else {
                outcomes.append(CodeGrading.outcome(of: try await execute(job.program, test.stdin), for: test))
            }
        }
        return CodeRunResult(outcomes: outcomes)
    }

    /// A 128-bit random token in hex, for `run`'s `nonce`.
    public static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16) + String(generator.next() as UInt64, radix: 16)
    }
}
