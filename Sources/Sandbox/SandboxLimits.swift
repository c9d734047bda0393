import RewardCore

/// The resource limits of one sandboxed run; a ground truth's own `time_limit` and `memory_limit` may only lower them.
public struct SandboxLimits: Sendable, Hashable {
    /// CPU seconds per test (`RLIMIT_CPU`, rounded up to whole seconds; SIGKILL there).
    public var cpuSeconds: Double
    /// Wall-clock seconds per test, after which the whole process group is killed.
    public var wallSeconds: Double
    /// Address space in MiB (`RLIMIT_AS`).
    public var memoryMiB: Int
    /// Bytes of standard output kept; a program printing more fails its test (`output_limit`).
    public var outputBytes: Int
    /// Processes and threads the sandbox's user may have (`RLIMIT_NPROC`, counted inside its own user namespace).
    public var processes: Int
    /// Largest file the program may write, in bytes (`RLIMIT_FSIZE`).
    public var fileBytes: Int
    /// Open files (`RLIMIT_NOFILE`).
    public var openFiles: Int
    /// Size of the private writable `/tmp`, in bytes.
    public var tmpBytes: Int

    /// Creates limits; the defaults suit short test programs.
    public init(
        cpuSeconds: Double = 5, wallSeconds: Double = 10, memoryMiB: Int = 512, outputBytes: Int = 1 << 20,
        processes: Int = 32, fileBytes: Int = 16 << 20, openFiles: Int = 64, tmpBytes: Int = 64 << 20
    ) {
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.memoryMiB = memoryMiB
        self.outputBytes = outputBytes
        self.processes = processes
        self.fileBytes = fileBytes
        self.openFiles = openFiles
        self.tmpBytes = tmpBytes
    }

    /// These limits lowered to what `job` asks for.
    func lowered(for job: CodeJob) -> SandboxLimits {
        var limits = self
        if let seconds = job.timeLimitSeconds {
            limits.cpuSeconds = min(cpuSeconds, seconds)
            limits.wallSeconds = min(wallSeconds, max(seconds * 2, seconds + 1))
        }
        if let memory = job.memoryLimitMiB { limits.memoryMiB = min(memoryMiB, memory) }
        return limits
    }

    /// The CPU limit in whole seconds, as `RLIMIT_CPU` counts it.
    var cpuLimit: Int { max(1, Int(cpuSeconds.rounded(.up))) }

    /// `prlimit` options that set these limits inside the sandbox, soft and hard alike.
    var prlimitOptions: [String] {
        [
            "--cpu=\(cpuLimit)", "--as=\(memoryMiB << 20)", "--nproc=\(processes)", "--fsize=\(fileBytes)",
            "--nofile=\(openFiles)", "--core=0",
        ]
    }
}

/// Why a sandbox cannot be used (a missing tool, a bad URL, a failed self-check); the service stops at start-up.
public struct SandboxSetupError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, for a person.
    public var description: String
    /// Creates an error.
    public init(description: String) {
        self.description = description
    }

    /// The start-up error's code in docs/api.md.
    public var code: String { "sandbox_unusable" }
}
