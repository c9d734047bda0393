import Foundation
import Glibc
import RewardCore
import Testing

@testable import Sandbox

/// The real sandbox as the tests run it: tight limits inside, and the whole command under an outer
/// `prlimit`, so that a sandbox whose own limits failed still cannot exhaust the machine.
enum SandboxSupport {
    /// Whether bubblewrap, Python and util-linux are installed (`scripts/bootstrap.sh` installs them).
    static let available = ["/usr/bin/bwrap", "/usr/bin/python3", "/usr/bin/prlimit", "/usr/bin/setpriv"]
        .allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }

    static let skipReason: Comment = "bubblewrap is not installed (apt-get install bubblewrap; scripts/bootstrap.sh does it)"

    /// Inside: 2 CPU s, 4 wall s, 256 MiB, 64 KiB of output, 16 processes, 1 MiB files, 16 open files.
    static let limits = SandboxLimits(
        cpuSeconds: 2, wallSeconds: 4, memoryMiB: 256, outputBytes: 64 << 10, processes: 16, fileBytes: 1 << 20,
        openFiles: 16, tmpBytes: 8 << 20)

    /// Outside: looser than inside (the inside limits must fit under them) but still harmless.
    static let outer = [
        "/usr/bin/prlimit", "--nproc=512", "--as=\(2 << 30)", "--cpu=30", "--fsize=\(16 << 20)", "--nofile=256", "--core=0", "--",
    ]

    static func runner() throws -> BubblewrapRunner {
        try BubblewrapRunner(configuration: .init(limits: limits, outerCommand: outer))
    }

    /// Processes on the host owned by the sandbox's user (nobody), zombies included (a run must not leave one
    /// for the host's init to reap), from /proc.
    static func sandboxUserProcesses() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int($0) != nil }.count(where: { pid in
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
            return status.split(separator: "\n").contains { $0.hasPrefix("Uid:") && $0.split(separator: "\t").dropFirst().first == "65534" }
        })
    }

    /// The peak resident memory of this test process, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    /// Seconds `body` took.
    static func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try await body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}

/// A TCP listener on 127.0.0.1 of the host that counts the connections it got, for the network case.
final class HostListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw CodeRunnerFailure(message: "cannot listen")
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Connections waiting to be accepted (each accepted and closed).
    func acceptedCount() -> Int {
        var count = 0
        while true {
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return count }
            close(connection)
            count += 1
        }
    }

    deinit { close(descriptor) }
}
