import Dispatch
import Foundation
import Glibc
import RewardCore

/// One spawned sandbox: `posix_spawn` in its own process group, the program and stdin handed over as
/// unlinked files, stdout read and capped, the wall clock watched; the group is killed at the deadline.
/// Blocking, so it runs on a thread of its own.
struct SandboxProcess {
    /// What the run saw: the execution, whether bubblewrap started the program at all, and the CPU seconds
    /// bubblewrap and the program it reaped used.
    struct Outcome {
        var execution: CodeExecution
        var started: Bool
        var cpuSeconds: Double
    }

    /// The command: `arguments[0]` is an absolute path; fd 3 holds the program and fd 4 gets bubblewrap's JSON status.
    var arguments: [String]
    var program: [UInt8]
    var stdin: [UInt8]
    var wallSeconds: Double
    var outputCap: Int

    /// Held from making a run's descriptors to closing the child's ends after the spawn: a pipe is made
    /// close-on-exec in two steps, and no other sandbox may inherit it in between (its write end held
    /// open elsewhere would keep this run's stdout from ever closing).
    static let spawnLock = NSLock()

    /// Spawns the command and waits for it; throws only when it cannot be spawned.
    func run() throws(CodeRunnerFailure) -> Outcome {
        var outputRead: Int32 = -1, statusRead: Int32 = -1
        defer {
            if outputRead >= 0 { close(outputRead) }
            if statusRead >= 0 { close(statusRead) }
        }
        let pid: pid_t
        do {
            Self.spawnLock.lock()
            defer { Self.spawnLock.unlock() }
            let programFile = try Self.unlinkedFile(holding: program)
            defer { close(programFile) }
            let stdinFile = try Self.unlinkedFile(holding: stdin)
            defer { close(stdinFile) }
            let output = try Self.pipe()
            outputRead = output.read
            defer { close(output.write) }
            let status = try Self.pipe()
            statusRead = status.read
            defer { close(status.write) }
            pid = try spawn(stdin: stdinFile, stdout: output.write, program: programFile, status: status.write)
        }
        var stdout: [UInt8] = []
        var report: [UInt8] = []
        var usage = rusage()
        let termination = watch(pid: pid, output: &outputRead, stdout: &stdout, status: statusRead, report: &report, usage: &usage)
        report += Self.readAll(statusRead)
        let started = Self.sandboxInit(in: report) != nil
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Outcome(execution: CodeExecution(termination: termination, stdout: stdout), started: started, cpuSeconds: cpu)
    }

    private func spawn(stdin: Int32, stdout: Int32, program: Int32, status: Int32) throws(CodeRunnerFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, program, 3)
        posix_spawn_file_actions_adddup2(&actions, status, 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (so the deadline can kill every process in it), no blocked signals, SIGPIPE default.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let argv = arguments.map { strdup($0) } + [nil]
        let variables: [String] = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
        let environment = variables.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + environment { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environment)
        guard result == 0, pid > 0 else {
            throw CodeRunnerFailure(message: "the sandbox could not be started (\(String(cString: strerror(result))))")
        }
        return pid
    }

    /// Reads stdout until it closes and the process is reaped, or until the cap or the deadline, which kill the sandbox.
    private func watch(
        pid: pid_t, output: inout Int32, stdout: inout [UInt8], status statusDescriptor: Int32, report: inout [UInt8],
        usage: inout rusage
    ) -> CodeExecution.Termination {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, wallSeconds) * 1e9)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var status: Int32 = 0
        var reaped = false
        var killedFor: CodeExecution.Termination?
        while killedFor == nil {
            if output >= 0 {
                var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
                if poll(&descriptor, 1, 20) > 0 {
                    let count = read(output, &buffer, buffer.count)
                    if count > 0 {
                        stdout.append(contentsOf: buffer[0..<min(count, outputCap + 1 - stdout.count)])
                        if stdout.count > outputCap { killedFor = .outputExceeded }
                    } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                        close(output)
                        output = -1
                    }
                }
            } else {
                usleep(2_000)
            }
            if !reaped, wait4(pid, &status, WNOHANG, &usage) == pid { reaped = true }
            if reaped, output < 0 { break }
            if killedFor == nil, DispatchTime.now().uptimeNanoseconds >= deadline { killedFor = .timedOut }
        }
        if !reaped {
            report += Self.readAll(statusDescriptor)
            Self.terminate(pid, sandboxInit: Self.sandboxInit(in: report), status: &status)
        }
        if output >= 0 {
            close(output)
            output = -1
        }
        if let killedFor {
            stdout.removeAll()
            return killedFor
        }
        if status & 0x7f == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(status & 0x7f)
    }

    /// Kills a sandbox that is still running and reaps bubblewrap. The sandbox's process 1 goes first, so that
    /// bubblewrap reaps it and exits by itself; killing bubblewrap first would orphan process 1, a zombie
    /// for the host's init. Then, or if that did not end it within a second, the whole process group.
    static func terminate(_ pid: pid_t, sandboxInit: pid_t?, status: inout Int32) {
        // bubblewrap has not been reaped, so its pid is still its own; its child is checked to be its child
        // right before the kill, so that no reused pid is ever hit.
        if let sandboxInit, parent(of: sandboxInit) == pid {
            kill(sandboxInit, SIGKILL)
            for _ in 0..<100 {
                if waitpid(pid, &status, WNOHANG) == pid { return }
                usleep(10_000)
            }
        }
        // Only while the leader is unreaped is its group id certainly still this sandbox's.
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    /// The host pid of the sandbox's process 1, from bubblewrap's JSON status (`{"child-pid": 1234}`).
    static func sandboxInit(in report: [UInt8]) -> pid_t? {
        let key = Array(#""child-pid""#.utf8)
        guard let start = report.indices.first(where: { report[$0...].starts(with: key) }) else { return nil }
        let digits = report[(start + key.count)...].drop { $0 == 0x20 || $0 == 0x3A }.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count < 10, let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0 else { return nil }
        return pid
    }

    /// The parent pid of `pid` from `/proc/PID/stat` (after the command name, which may hold spaces and parentheses).
    static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// A file holding `bytes`, already unlinked, open for reading at offset 0 (close-on-exec; the spawn dup2s it).
    static func unlinkedFile(holding bytes: [UInt8]) throws(CodeRunnerFailure) -> Int32 {
        let path = NSTemporaryDirectory() + "/referee-code-" + UUID().uuidString
        let descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CodeRunnerFailure(message: "the sandbox could not write its input (\(String(cString: strerror(errno))))") }
        unlink(path)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                close(descriptor)
                throw CodeRunnerFailure(message: "the sandbox could not write its input (\(String(cString: strerror(errno))))")
            }
            written += count
        }
        lseek(descriptor, 0, SEEK_SET)
        return raised(descriptor)
    }

    /// The descriptor moved to 10 or above, so that the spawn's `dup2` onto 0, 1, 3 and 4 never overwrites
    /// another of its sources.
    static func raised(_ descriptor: Int32) -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            return descriptor
        }
        close(descriptor)
        return moved
    }

    /// A close-on-exec pipe whose read end does not block; made under `spawnLock`.
    static func pipe() throws(CodeRunnerFailure) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard Glibc.pipe(&descriptors) == 0 else {
            throw CodeRunnerFailure(message: "the sandbox could not make a pipe (\(String(cString: strerror(errno))))")
        }
        // F_DUPFD_CLOEXEC moves each end to 10 or above and sets close-on-exec on the copy.
        let read = raised(descriptors[0])
        _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
        return (read, raised(descriptors[1]))
    }

    /// What is buffered in a non-blocking pipe (bubblewrap's few status lines), at most 64 KiB.
    static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65_536 {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}
