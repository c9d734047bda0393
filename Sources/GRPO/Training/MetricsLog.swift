import Foundation

/// Appends one JSON object per line to `metrics.jsonl`.
public final class MetricsLog: Sendable {
    private let handle: FileHandle

    /// Opens (creating if needed) `url` for appending.
    public init(url: URL) throws(TrainerError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: url.path) {
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
        } catch {
            throw .io("opening metrics log \(url.path): \(error.localizedDescription)")
        }
    }

    deinit { try? handle.close() }

    /// Writes `value` as one line with sorted snake_case keys.
    public func append(_ value: some Encodable) {
        guard let line = try? Self.line(value) else { return }
        handle.write(Data((line + "\n").utf8))
    }

    /// The JSONL form of `value`: sorted snake_case keys, so equal values give equal lines.
    public static func line(_ value: some Encodable) throws -> String {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}

/// Where a stage starts from.
public enum ResumeMode: Sendable, Equatable {
    /// The latest complete checkpoint in the output directory, else a fresh start.
    case auto
    /// Always a fresh start.
    case never
    /// This checkpoint directory.
    case path(URL)

    /// Parses `auto`, `never` or a path.
    public init(_ text: String) {
        switch text {
        case "auto": self = .auto
        case "never": self = .never
        default: self = .path(URL(fileURLWithPath: text))
        }
    }

    /// The checkpoint to resume from in `store`, if any.
    public func checkpoint(in store: CheckpointStore) -> URL? {
        switch self {
        case .auto: store.latest()
        case .never: nil
        case .path(let url): url
        }
    }
}
