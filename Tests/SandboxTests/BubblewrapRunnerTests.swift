import Foundation
import RewardCore
import Testing

@testable import Sandbox

/// Real programs in the real sandbox, then hostile ones. One serialized suite: the hostile cases count the
/// sandbox user's processes on the host, which another sandbox running at the same time would disturb.
@Suite(
    "Bubblewrap sandbox: real runs and the hostile-code suite", .serialized, .timeLimit(.minutes(1)),
    .enabled(if: SandboxSupport.available, SandboxSupport.skipReason))
struct BubblewrapRunnerTests {
    let runner: BubblewrapRunner

    init() throws {
        runner = try SandboxSupport.runner()
    }

    func run(_ program: String, stdin: String = "") async throws -> CodeExecution {
        try await runner.execute(Array(program.utf8), stdin: stdin, limits: SandboxSupport.limits)
    }

    // MARK: correct programs

    @Test("a right program passes every stdin/stdout test; a wrong one fails with tests_failed")
    func stdinTests() async throws {
        let spec = try CodeTestSpec(json: #"{"language": "python", "tests": [{"stdin": "3\n", "stdout": "6\n"}, {"stdin": "21\n", "stdout": "42"}]}"#)
        let right = try await runner.run(spec.job(running: "n = int(input())\nprint(2 * n)", stopAtFirstFailure: true))
        #expect(right.outcomes == [.passed, .passed])
        let wrong = try await runner.run(spec.job(running: "n = int(input())\nprint(n + 3)", stopAtFirstFailure: true))
        #expect(wrong.outcomes == [.passed, .wrongOutput])
        let stopped = try await runner.run(spec.job(running: "print(0)", stopAtFirstFailure: true))
        #expect(stopped.outcomes == [.wrongOutput, .notRun])
    }

    @Test("assert-style test_code: passing asserts pass, a failing assert is a runtime error")
    func assertTests() async throws {
        let spec = try CodeTestSpec(json: #"{"test_code": "assert double(2) == 4\nassert double(-1) == -2"}"#)
        #expect(try await runner.run(spec.job(running: "def double(x):\n    return 2 * x", stopAtFirstFailure: true)).outcomes == [.passed])
        // As a script: __name__ is "__main__", output and unicode pass through, classes and imports work.
        let script = "import math\nclass D:\n    k = 2\ndef double(x):\n    return D.k * x\nif __name__ == '__main__':\n    print('é', math.pi)"
        #expect(try await runner.run(spec.job(running: script, stopAtFirstFailure: true)).outcomes == [.passed])
        #expect(try await runner.run(spec.job(running: "def double(x):\n    return x + 2", stopAtFirstFailure: true)).outcomes == [.runtimeError])
    }

    @Test("leaving before the asserts with status 0 is no pass: exits, a closed stdout, a replaced or echoed stdin",
        arguments: [
            "import sys\nsys.exit(0)", "import os\nos._exit(0)", "raise SystemExit", "import sys\nsys.stdout.close()",
            "import sys, io\nsys.stdin = io.StringIO('guess\\n')\ndef double(x):\n    return 2 * x",
            "import sys\nprint(sys.stdin.readline())\nsys.exit(0)",
        ])
    func earlyExitIsNoPass(code: String) async throws {
        let spec = try CodeTestSpec(json: #"{"test_code": "assert double(2) == 5"}"#)
        #expect(try await runner.run(spec.job(running: code, stopAtFirstFailure: true)).outcomes == [.runtimeError])
    }

    @Test("stderr never counts as stdout, and a crash with empty expected output fails")
    func stderrAndCrash() async throws {
        let printsToStderr = CodeJob(program: "import sys\nsys.stderr.write('6\\n')", tests: [CodeTestCase(expectedStdout: "6")])
        #expect(try await runner.run(printsToStderr).outcomes == [.wrongOutput])
        let crashesSilently = CodeJob(program: "import os\nos._exit(3)", tests: [CodeTestCase(expectedStdout: "")])
        #expect(try await runner.run(crashesSilently).outcomes == [.runtimeError])
        let silent = CodeJob(program: "pass", tests: [CodeTestCase(expectedStdout: "")])
        #expect(try await runner.run(silent).outcomes == [.passed])
    }

    @Test("a ground truth's time_limit lowers the sandbox's: a 1.2 s busy loop fails at time_limit 0.5 (1 s of CPU), passes without it")
    func groundTruthLimit() async throws {
        let busy = "import time\nt = time.process_time()\nwhile time.process_time() - t < 1.2: pass\nprint('done')"
        let job = CodeJob(program: busy, tests: [CodeTestCase(expectedStdout: "done")], timeLimitSeconds: 0.5)
        #expect(try await runner.run(job).outcomes == [.timeout])
        // The same loop under the sandbox's own 2 s of CPU; its wall-clock limit is raised here so that a loaded
        // machine (the loop's 1.2 s of CPU taking 4 s of wall time) cannot decide the outcome.
        var configuration = runner.configuration
        configuration.limits.wallSeconds = 30
        let patient = try BubblewrapRunner(configuration: configuration)
        #expect(try await patient.run(CodeJob(program: busy, tests: [CodeTestCase(expectedStdout: "done")])).outcomes == [.passed])
    }

    @Test("the CPU limit itself ends a busy loop long before a far wall-clock limit, as a timeout")
    func cpuLimit() async throws {
        var configuration = runner.configuration
        configuration.limits.cpuSeconds = 1
        configuration.limits.wallSeconds = 30
        let cpuBound = try BubblewrapRunner(configuration: configuration)
        let (result, seconds) = try await SandboxSupport.timed {
            try await cpuBound.run(CodeJob(program: "while True:\n    pass", tests: [CodeTestCase(expectedStdout: "")]))
        }
        #expect(result.outcomes == [.timeout])
        // 1 s of CPU takes a few seconds of wall time even at load 7; only the 30 s wall limit would take 25.
        #expect(seconds < 25, "took \(seconds) s: the wall clock, not the CPU limit, ended it")
    }

    @Test("a bubblewrap that never starts the program is a runner failure (the rollout abstains), never a 0")
    func brokenSandbox() async throws {
        var configuration = runner.configuration
        configuration.bubblewrap = "/usr/bin/false"
        let broken = try BubblewrapRunner(configuration: configuration)
        await #expect(throws: CodeRunnerFailure.self) { try await broken.run(CodeJob(program: "print(1)", tests: [CodeTestCase(expectedStdout: "")])) }
        await #expect(throws: (any Error).self) { try await broken.selfCheck() }
        #expect(throws: SandboxSetupError.self) { try BubblewrapRunner(configuration: .init(bubblewrap: "/nonexistent/bwrap")) }
        #expect(throws: SandboxSetupError.self) { try BubblewrapRunner(configuration: .init(python: "/opt/python3")) }
    }

    // MARK: the hostile suite

    @Test("probe: the limits hold inside, the host's /tmp, /etc and network are out of sight, the user is unprivileged")
    func probe() async throws {
        let marker = NSTemporaryDirectory() + "/referee-probe-\(UUID().uuidString)"
        #expect(FileManager.default.createFile(atPath: marker, contents: Data("host".utf8)))
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let probe = """
            import os, resource, socket
            r = resource
            for name in ["RLIMIT_CPU", "RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_FSIZE", "RLIMIT_NOFILE"]:
                print(name, *resource.getrlimit(getattr(r, name)))
            print("host tmp file visible", os.path.exists("\(marker)"))
            print("shadow visible", os.path.exists("/etc/shadow"))
            print("home visible", os.path.exists("/root") or os.path.exists("/home"))
            print("tmp writable", open("/tmp/x", "w").write("x") == 1)
            try:
                open("/usr/evil", "w")
                print("usr writable True")
            except OSError:
                print("usr writable False")
            try:
                socket.create_connection(("1.1.1.1", 53), timeout=1)
                print("network True")
            except OSError:
                print("network False")
            print("interfaces", sorted(name for _, name in socket.if_nameindex()))
            """
        let execution = try await run(probe)
        let output = String(decoding: execution.stdout, as: UTF8.self)
        #expect(execution.termination == .exited(0), "\(output)")
        #expect(output == """
            RLIMIT_CPU 2 2
            RLIMIT_AS \(256 << 20) \(256 << 20)
            RLIMIT_NPROC 16 16
            RLIMIT_FSIZE \(1 << 20) \(1 << 20)
            RLIMIT_NOFILE 16 16
            host tmp file visible False
            shadow visible False
            home visible False
            tmp writable True
            usr writable False
            network False
            interfaces ['lo']

            """)
        #expect(!FileManager.default.fileExists(atPath: "/usr/evil"))
    }

    /// Runs a hostile program: it must fail with `expected` (a deadline kill is `timeout`) and leave no
    /// process of the sandbox user behind. How long it took is not asserted: a loaded machine decides
    /// that, and a sandbox that never ends is caught by the suite's time limit.
    func contained(_ program: String, expected: CodeTestOutcome) async throws -> CodeExecution {
        let before = SandboxSupport.sandboxUserProcesses()
        let execution = try await run(program)
        #expect(CodeGrading.outcome(of: execution, for: CodeTestCase(expectedStdout: "")) == expected, "\(execution.termination)")
        // The pid namespace dies with the sandbox; give the kernel a moment to tear it down.
        var after = SandboxSupport.sandboxUserProcesses()
        for _ in 0..<25 where after > before {
            try await Task.sleep(for: .milliseconds(20))
            after = SandboxSupport.sandboxUserProcesses()
        }
        #expect(after <= before, "\(after - before) sandbox processes left behind")
        return execution
    }

    @Test("fork bomb: stopped by the process limit, killed at the deadline")
    func forkBomb() async throws {
        _ = try await contained("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass", expected: .timeout)
    }

    @Test("infinite loop: stopped by the CPU limit")
    func infiniteLoop() async throws {
        _ = try await contained("while True:\n    pass", expected: .timeout)
    }

    @Test("10 GB allocation: refused by the address-space limit")
    func hugeAllocation() async throws {
        _ = try await contained("x = bytearray(10 * 1024 ** 3)\nprint(len(x))", expected: .runtimeError)
    }

    @Test("socket connection to a service on the host's loopback: unreachable, and the service sees nothing")
    func socketConnection() async throws {
        let listener = try HostListener()
        let program = "import socket\nsocket.create_connection(('127.0.0.1', \(listener.port)), timeout=2).sendall(b'hi')\nprint('sent')"
        let execution = try await contained(program, expected: .runtimeError)
        #expect(execution.stdout.isEmpty)
        #expect(listener.acceptedCount() == 0)
    }

    @Test("writing outside the temporary folder: a read-only file system, nothing lands on the host")
    func writeOutside() async throws {
        let name = "referee-escape-\(UUID().uuidString)"
        _ = try await contained("open('/\(name)', 'w').write('x')\nopen('/usr/\(name)', 'w').write('x')", expected: .runtimeError)
        #expect(!FileManager.default.fileExists(atPath: "/\(name)"))
        #expect(!FileManager.default.fileExists(atPath: "/usr/\(name)"))
    }

    @Test("reading /etc/shadow: not there to read")
    func readShadow() async throws {
        let execution = try await contained("print(open('/etc/shadow').read())", expected: .runtimeError)
        #expect(execution.stdout.isEmpty)
    }

    @Test("1 GB of output: cut at the cap, the program killed, this process's memory not grown by it")
    func hugeOutput() async throws {
        let peak = SandboxSupport.peakResidentBytes()
        let execution = try await contained("import sys\nchunk = 'x' * 65536\nfor _ in range(16384):\n    sys.stdout.write(chunk)", expected: .outputLimit)
        #expect(execution.stdout.count <= SandboxSupport.limits.outputBytes)
        #expect(SandboxSupport.peakResidentBytes() - peak < 256 << 20)
    }

    @Test("after the hostile cases the sandbox still runs a right program")
    func stillHealthy() async throws {
        let job = CodeJob(program: "print(sum(range(10)))", tests: [CodeTestCase(expectedStdout: "45")])
        #expect(try await runner.run(job).outcomes == [.passed])
    }
}
