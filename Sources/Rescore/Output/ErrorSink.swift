#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where bad lines are reported: the errors file (opened on the first bad line, so a clean run leaves
/// no file behind), or standard error when the output goes to standard output and no file was named.
public final class ErrorSink {
    private let path: String?
    private var file: FileDescriptor?

    /// Reports to `path`, or to standard error when nil; a stale file from an earlier run is removed.
    public init(path: String?) {
        self.path = path
        if let path { unlink(path) }
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
