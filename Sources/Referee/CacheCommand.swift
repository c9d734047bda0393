import ArgumentParser
import Foundation
import Logging
import RefereeServer
import VerdictStore
import VerdictStorePostgres

/// `referee cache`: look into and trim the verdict cache.
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache", abstract: "Inspect or prune the verdict cache.",
        subcommands: [Stats.self, Prune.self, Copy.self])

    /// Where the cache lives: `--cache PATH|URL`, else `REFEREE_CACHE`, else the file `serve` uses by default.
    struct Location: ParsableArguments {
        @Option(
            name: .long,
            help: "The verdict cache file or postgres:// URL (default: $REFEREE_CACHE, else referee-cache.sqlite).")
        var cache: String?

        /// Runs `body` on the cache, then closes it.
        func withCache<T>(_ body: (any ManagedVerdictCache) async throws -> T) async throws -> T {
            let location = cache ?? ProcessInfo.processInfo.environment["REFEREE_CACHE"] ?? "referee-cache.sqlite"
            return try await CacheCommand.withCache(at: location, mustExist: true, body)
        }
    }

    /// Runs `body` on the cache at `location`, then closes it. With `mustExist`, a missing SQLite file is an
    /// error rather than a new empty cache.
    static func withCache<T>(
        at location: String, mustExist: Bool, _ body: (any ManagedVerdictCache) async throws -> T
    ) async throws -> T {
        if mustExist, !PostgresCacheURL.isPostgres(location), !FileManager.default.fileExists(atPath: location) {
            throw ValidationError("no verdict cache at \(location)")
        }
        var logger = Logger(label: "referee.cache")
        logger.logLevel = .warning
        let store = try await openVerdictCache(location, logger: logger)
        do {
            let value = try await body(store)
            try await store.close()
            return value
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// `referee cache stats`.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the cached verdicts, their models and cost.")

        @OptionGroup var location: Location
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() async throws {
            let (place, stats) = try await location.withCache { ($0.location, try await $0.stats()) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(stats), as: UTF8.self))
                return
            }
            let iso = ISO8601DateFormatter()
            print("cache:             \(place)")
            print("verdicts:          \(stats.verdicts)")
            print("oldest:            \(stats.oldest.map(iso.string(from:)) ?? "-")")
            print("newest:            \(stats.newest.map(iso.string(from:)) ?? "-")")
            print("prompt tokens:     \(stats.promptTokens)")
            print("completion tokens: \(stats.completionTokens)")
            print("mean judge call:   \(String(format: "%.1f", stats.meanLatencyMs)) ms")
            for entry in stats.verdictsByModel { print("model \(entry.model): \(entry.verdicts)") }
        }
    }

    /// `referee cache prune --older-than 7d`.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete cached verdicts older than a duration.")

        @OptionGroup var location: Location
        @Option(help: "Age beyond which verdicts go: a number and s, m, h, d or w (e.g. 7d, 12h).")
        var olderThan: String

        func validate() throws {
            do { _ = try CacheAge(parsing: olderThan) } catch let error as VerdictStoreError {
                throw ValidationError(error.message)
            }
        }

        func run() async throws {
            let cutoff = try CacheAge(parsing: olderThan).cutoff(before: Date())
            let removed = try await location.withCache { try await $0.prune(olderThan: cutoff) }
            print("removed \(removed) verdicts made before \(ISO8601DateFormatter().string(from: cutoff))")
        }
    }

    /// `referee cache copy --from referee-cache.sqlite --to postgres://...`.
    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every verdict from one cache into another (SQLite or PostgreSQL, either way).",
            discussion: "Verdicts the target holds already stay; running it again copies only what is new.")

        @Option(help: "The cache to read: an SQLite file (which must exist) or a postgres:// URL.") var from: String
        @Option(help: "The cache to write: an SQLite file (created if missing) or a postgres:// URL.") var to: String

        func validate() throws {
            if from == to { throw ValidationError("--from and --to name the same cache") }
        }

        func run() async throws {
            let (read, inserted) = try await CacheCommand.withCache(at: from, mustExist: true) { source in
                try await CacheCommand.withCache(at: to, mustExist: false) { target in
                    try await source.copy(into: target)
                }
            }
            print("copied \(inserted) of \(read) verdicts (\(read - inserted) were there already)")
        }
    }
}
