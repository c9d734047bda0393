import Foundation
import Logging
import PostgresNIO

/// A throwaway database on a PostgreSQL server, for tests and benchmarks: created empty, dropped afterwards.
public enum ScratchDatabase {
    /// Creates an empty database on the server `serverURL` names, runs `body` with a URL naming it, then drops it.
    public static func with<T: Sendable>(
        serverURL: String, _ body: (String) async throws -> T
    ) async throws -> T {
        let server = try PostgresCacheURL(parsing: serverURL)
        let name = "referee_scratch_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        try await administer(server, "CREATE DATABASE \(name)")
        var scratch = server
        scratch.database = name
        do {
            let value = try await body(scratch.urlWithPassword)
            try await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            return value
        } catch {
            try? await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement that cannot run inside a transaction (database DDL) on its own connection.
    private static func administer(_ server: PostgresCacheURL, _ sql: String) async throws {
        do {
            _ = try await withRunningClient(server.clientConfiguration) { try await $0.query(PostgresQuery(unsafeSQL: sql)) }
        } catch {
            throw ScratchDatabaseError(message: "\(sql) on \(server.redacted) failed: \(PostgresErrorText.describe(error))")
        }
    }
}

/// A scratch database could not be made or dropped.
public struct ScratchDatabaseError: Error, CustomStringConvertible {
    /// What failed and the server's reason.
    public var message: String
    /// The message.
    public var description: String { message }
}
