#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where bad lines are reported: the errors file (emptied on the first bad line and removed by `finish()`
/// when a run had none, so a stale file never outlives its run), or standard error when the output goes to
/// standard output and no file was named.
public final class ErrorSink {
    private let path: String?
    private var file: FileDescriptor?

    /// Reports to `path`, or to standard error when nil. Nothing is touched until the first write.
    public init(path: String?) {
        self.path = path
    }

    /// Removes an errors file left by an earlier run when this one reported nothing.
    public func finish() {
        if let path, file == nil { unlink(path) }
    }

    /// Appends errors-file lines.
    public func write(_ bytes: [UInt8]) throws(RescoreError) {
        guard !bytes.isEmpty else { return }
        guard let path else {
            try FileDescriptor.standardError.writeAll(bytes)
            return
        }
        if file == nil { file = try FileDescriptor.appending(path, truncate: true) }
        try file!.writeAll(bytes)
    }
}
