#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin owner of a POSIX file descriptor: whole writes, reads that retry on EINTR, and closing once.
/// Rescore writes with plain `write(2)` so that a `kill -9` leaves whatever reached the kernel on disk.
public final class FileDescriptor: @unchecked Sendable {
    /// The descriptor.
    public let fd: Int32
    /// The path, for messages (`-` for the standard streams).
    public let path: String
    private let owned: Bool

    init(fd: Int32, path: String, owned: Bool) {
        self.fd = fd
        self.path = path
        self.owned = owned
    }

    deinit {
        if owned { close(fd) }
    }

    /// Standard input.
    public static let standardInput = FileDescriptor(fd: 0, path: "-", owned: false)
    /// Standard error.
    public static let standardError = FileDescriptor(fd: 2, path: "standard error", owned: false)
    /// Standard output.
    public static let standardOutput = FileDescriptor(fd: 1, path: "-", owned: false)

    /// Opens `path` for reading.
    public static func reading(_ path: String) throws(RescoreError) -> FileDescriptor {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RescoreError.io("open", path, errno: errno) }
        return FileDescriptor(fd: fd, path: path, owned: true)
    }

    /// Opens (creating) `path` for reading and appending; `truncate` empties it first.
    /// Appending means every write lands at the end, whatever was read before.
    public static func appending(_ path: String, truncate: Bool) throws(RescoreError) -> FileDescriptor {
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | (truncate ? O_TRUNC : 0), 0o644)
        guard fd >= 0 else { throw RescoreError.io("open", path, errno: errno) }
        return FileDescriptor(fd: fd, path: path, owned: true)
    }

    /// The size of a regular file, nil for pipes and terminals.
    public func regularFileSize() -> Int? {
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Reads up to `count` bytes into `buffer`; 0 at the end.
    func readSome(into buffer: UnsafeMutableRawPointer, count: Int) throws(RescoreError) -> Int {
        while true {
            let got = read(fd, buffer, count)
            if got >= 0 { return got }
            if errno != EINTR { throw RescoreError.io("read", path, errno: errno) }
        }
    }

    /// Reads up to `count` bytes at `offset` without moving the file position.
    func readSome(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) throws(RescoreError) -> Int {
        while true {
            let got = pread(fd, buffer, count, off_t(offset))
            if got >= 0 { return got }
            if errno != EINTR { throw RescoreError.io("read", path, errno: errno) }
        }
    }

    /// Writes all of `bytes`, retrying short writes.
    public func writeAll(_ bytes: [UInt8]) throws(RescoreError) {
        let failure: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let wrote = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if wrote < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += wrote
            }
            return nil
        }
        if let failure { throw RescoreError.io("write", path, errno: failure) }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int) throws(RescoreError) {
        guard ftruncate(fd, off_t(length)) == 0 else { throw RescoreError.io("truncate", path, errno: errno) }
    }

    /// Moves the read position.
    func seek(to offset: Int) throws(RescoreError) {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else { throw RescoreError.io("seek in", path, errno: errno) }
    }

    /// Device and inode, to tell whether two paths name the same file.
    func identity() -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}
