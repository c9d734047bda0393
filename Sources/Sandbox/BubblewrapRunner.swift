import Foundation
import Glibc
import RewardCore

/// Runs `code` answers with Debian's bubblewrap: no network, a read-only `/usr` and nothing else of the
/// host, a private size-capped `/tmp`, resource limits set inside, an unprivileged user when the
/// service runs as root, and a wall-clock deadline that kills the whole process group.
public struct BubblewrapRunner: CodeRunner {
    /// Where the tools are and how hard the limits are.
    public struct Configuration: Sendable {
        /// The `bwrap` executable.
        public var bubblewrap: String
        /// The Python 3 interpreter; must lie under `/usr`, the only host folder the sandbox sees.
        public var python: String
        /// `prlimit` (util-linux), which sets the limits inside the sandbox; under `/usr` too.
        public var prlimit: String
        /// `setpriv` (util-linux), used to drop to `user` before bubblewrap when the service runs as root.
        public var setpriv: String
        /// The host user and group id the sandbox runs as when the service is root (root is exempt from `RLIMIT_NPROC`).
        public var user: UInt32
        /// The limits of each run.
        public var limits: SandboxLimits
        /// A command the whole sandbox command is run under, such as `prlimit --nproc=…` as an outer limit in tests.
        public var outerCommand: [String]

        /// Creates a configuration with Debian's paths and the default limits.
        public init(
            bubblewrap: String = "/usr/bin/bwrap", python: String = "/usr/bin/python3", prlimit: String = "/usr/bin/prlimit",
            setpriv: String = "/usr/bin/setpriv", user: UInt32 = 65_534, limits: SandboxLimits = SandboxLimits(),
            outerCommand: [String] = []
        ) {
            self.bubblewrap = bubblewrap
            self.python = python
            self.prlimit = prlimit
            self.setpriv = setpriv
            self.user = user
            self.limits = limits
            self.outerCommand = outerCommand
        }
    }

    /// The configuration in use.
    public let configuration: Configuration

    /// Checks that the tools exist where the configuration says; `selfCheck()` then proves they work.
    public init(configuration: Configuration = Configuration()) throws(SandboxSetupError) {
        let files = FileManager.default
        var tools = [
            ("bubblewrap", configuration.bubblewrap), ("python", configuration.python), ("prlimit", configuration.prlimit),
        ]
        if geteuid() == 0 { tools.append(("setpriv", configuration.setpriv)) }
        for (name, path) in tools where !files.isExecutableFile(atPath: path) {
            throw SandboxSetupError(description: "the sandbox needs \(name) at \(path) (Debian: apt-get install bubblewrap python3 util-linux)")
        }
        for (name, path) in [("python", configuration.python), ("prlimit", configuration.prlimit)] where !path.hasPrefix("/usr/") {
            throw SandboxSetupError(description: "\(name) must lie under /usr, the only host folder the sandbox sees (not \(path))")
        }
        self.configuration = configuration
    }

    /// Runs each test in a fresh sandbox, stopping at the first failure when the job says so.
    public func run(_ job: CodeJob) async throws -> CodeRunResult {
        let limits = configuration.limits.lowered(for: job)
        return try await CodeHarness.run(job, nonce: CodeHarness.randomNonce) { program, stdin in
            try await execute(Array(program.utf8), stdin: stdin, limits: limits)
        }
    }

    /// One run of `program` in a fresh sandbox.
    func execute(_ program: [UInt8], stdin: String, limits: SandboxLimits) async throws -> CodeExecution {
        let process = SandboxProcess(
            arguments: command(limits), program: program, stdin: Array(stdin.utf8), wallSeconds: limits.wallSeconds,
            outputCap: limits.outputBytes)
        let outcome = try await Self.onOwnThread { () throws(CodeRunnerFailure) in try process.run() }
        guard outcome.started else {
            throw CodeRunnerFailure(message: "bubblewrap did not start the program (are user namespaces enabled?)")
        }
        // As process 1 the program ignores SIGXCPU, and nothing inside may kill process 1: a SIGKILL comes from the
        // CPU limit or, rarely, the kernel's out-of-memory killer, which spent CPU time tells apart. The two clocks
        // differ: the limit counts whole scheduler ticks the program was running at, the reaped time is the exact
        // run time. On a busy machine other threads run between ticks the program is charged for, so a 1 s limit
        // has killed below 0.8 s of reaped time (a CI run); half the limit is the bar.
        var execution = outcome.execution
        let killed = execution.termination == .exited(128 + SIGKILL) || execution.termination == .signalled(SIGKILL)
        if killed, outcome.cpuSeconds >= Self.cpuLimitShare * Double(limits.cpuLimit) {
            execution = CodeExecution(termination: .timedOut, stdout: [])
        }
        return execution
    }

    /// The share of the CPU limit a SIGKILLed run must have used to count as stopped by that limit.
    static let cpuLimitShare = 0.5

    /// The command line of one run; the program arrives on fd 3 and bubblewrap reports on fd 4.
    func command(_ limits: SandboxLimits) -> [String] {
        var command = configuration.outerCommand
        if geteuid() == 0 {
            command += [configuration.setpriv, "--reuid=\(configuration.user)", "--regid=\(configuration.user)", "--clear-groups", "--"]
        }
        command += [
            configuration.bubblewrap,
            // --as-pid-1: the program is the namespace's process 1. bubblewrap's own init would exit after reporting
            // the status but before being reaped, leaving a zombie per run for the host's init (for this service
            // itself as a container's process 1); a shell waiting as process 1 makes each run about 25 ms slower.
            "--unshare-all", "--as-pid-1", "--die-with-parent", "--new-session", "--json-status-fd", "4",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
            "--symlink", "usr/lib64", "/lib64", "--proc", "/proc", "--dev", "/dev",
            "--size", "\(limits.tmpBytes)", "--tmpfs", "/tmp", "--file", "3", "/tmp/main.py", "--remount-ro", "/",
            "--clearenv", "--setenv", "PATH", "/usr/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
            "--chdir", "/tmp", "--",
            configuration.prlimit,
        ]
        command += limits.prlimitOptions
        command += ["--", configuration.python, "-I", "-B", "/tmp/main.py"]
        return command
    }

    /// Runs blocking work on a thread of its own, so that waiting on a process never holds a task-pool thread.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws(CodeRunnerFailure) -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do throws(CodeRunnerFailure) {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
