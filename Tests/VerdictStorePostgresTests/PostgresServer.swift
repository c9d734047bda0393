import Foundation
import Logging
import Testing
import VerdictStorePostgres

/// The PostgreSQL server `scripts/test.sh` starts on 127.0.0.1 (`REFEREE_TEST_POSTGRES_URL`).
enum PostgresServer {
    static let url = ProcessInfo.processInfo.environment["REFEREE_TEST_POSTGRES_URL"]
    static let isAvailable = url != nil
    static let why: Comment = "needs REFEREE_TEST_POSTGRES_URL; scripts/test.sh starts a server and sets it"

    static let logger: Logger = {
        var logger = Logger(label: "postgres-test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with the URL of a new, empty database that is dropped afterwards.
    static func withScratchDatabase<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        try await ScratchDatabase.with(serverURL: try #require(url), body)
    }

    /// Runs `body` with a cache opened on a new, empty database, then closes it. The cache's deadline is
    /// 30 s, not the default 5: these tests are about what is stored, and a loaded machine (a parallel
    /// build) once took longer than 5 s for a 250-row page; the outage tests set their own short ones.
    static func withCache<T: Sendable>(_ body: (PostgresVerdictCache, String) async throws -> T) async throws -> T {
        try await withScratchDatabase { url in
            let patient = url + (url.contains("?") ? "&" : "?") + "timeout=30"
            let cache = try await PostgresVerdictCache.open(url: patient, logger: logger)
            do {
                let value = try await body(cache, url)
                await cache.close()
                return value
            } catch {
                await cache.close()
                throw error
            }
        }
    }
}
