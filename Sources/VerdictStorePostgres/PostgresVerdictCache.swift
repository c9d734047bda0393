import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import RewardCore
import VerdictStore

/// The verdict cache on a PostgreSQL server, shared by every replica that names it: the same key and
/// columns as the SQLite cache, a connection pool, and claims so that one replica judges a key at a time.
public final class PostgresVerdictCache: SharedVerdictCache, ManagedVerdictCache {
    let client: PostgresClient
    private let running: Task<Void, Never>
    let logger: Logger
    private let timeout: Duration
    /// Set when the server stopped answering: until then operations fail at once instead of each waiting out
    /// the deadline, so an outage costs judge calls, not seconds per verdict.
    private let skippedUntil = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
    /// The server and database, without the password.
    public let location: String

    private init(client: PostgresClient, running: Task<Void, Never>, settings: PostgresCacheURL, logger: Logger) {
        self.client = client
        self.running = running
        self.location = settings.redacted
        self.timeout = settings.timeout
        self.logger = logger
    }

    /// Connects to the server `url` names and brings the schema up to date (created on first use, migrated on
    /// upgrade, safe when replicas start at once). Throws `VerdictStoreError` naming the URL (never its password)
    /// and the server's reason, within the URL's timeout, when the server is unreachable or refuses the login.
    public static func open(url: String, logger: Logger, schemaVersion: Int = Int.max) async throws -> PostgresVerdictCache {
        let settings = try PostgresCacheURL(parsing: url)
        do {
            let connection = try await withDeadline(settings.timeout, "connecting") {
                try await PostgresConnection.connect(
                    configuration: try settings.connectionConfiguration(), id: 0, logger: logger)
            }
            do {
                let applied = try await PostgresSchema.migrate(connection, upTo: schemaVersion, logger: logger)
                if !applied.isEmpty {
                    logger.info("verdict cache schema migrated", metadata: ["versions": "\(applied)", "cache": "\(settings.redacted)"])
                }
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw VerdictStoreError(
                code: "cache_open_failed",
                message: "cannot open verdict cache at \(settings.redacted): \(PostgresErrorText.describe(error))")
        }
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        let running = Task { await client.run() }
        return PostgresVerdictCache(client: client, running: running, settings: settings, logger: logger)
    }

    /// Closes every pooled connection; later calls fail.
    public func close() async {
        running.cancel()
        await running.value
    }

    /// The stored verdict for `key`, marked as coming from the cache.
    public func verdict(forKey key: String) async throws -> JudgeVerdict? {
        try await run("lookup") { [client] in
            // Read to the end (at most one row) so the connection goes back to the pool at once.
            var found: JudgeVerdict?
            for try await row in try await client.execute(PostgresStatements.Lookup(key: key)) {
                found = PostgresStatements.verdict(row)
            }
            return found
        }
    }

    /// Stores `verdict` under `key` unless a verdict is stored already: the first verdict for a key stays.
    public func store(_ verdict: JudgeVerdict, forKey key: String) async throws {
        // Nobody waits for the answer here, so a verdict stored earlier is not read back.
        _ = try await insertFirst(verdict, forKey: key, owner: "")
    }

    /// Stores `verdict` unless one is stored, ends `owner`'s claim, and returns the stored verdict.
    public func storeFirst(_ verdict: JudgeVerdict, forKey key: String, owner: String) async throws -> JudgeVerdict {
        if try await insertFirst(verdict, forKey: key, owner: owner) { return verdict }
        // Another replica stored first; everyone returns its verdict, so no two answers exist for one key.
        return try await self.verdict(forKey: key) ?? verdict
    }

    /// Inserts `verdict` unless one is stored and ends `owner`'s claim, in one statement; true when it went in.
    private func insertFirst(_ verdict: JudgeVerdict, forKey key: String, owner: String) async throws -> Bool {
        let statement = PostgresStatements.StoreFirst(
            verdict: verdict, key: key, owner: owner, createdAt: Date().timeIntervalSince1970)
        return try await run("store") { [client] in
            try await client.execute(statement).reduce(false) { _, _ in true }
        }
    }

    /// Claims `key` for `owner` for `lease`; false while another owner's claim is live or a verdict is stored.
    public func claim(key: String, owner: String, lease: Duration) async throws -> Bool {
        let statement = PostgresStatements.Claim(key: key, owner: owner, leaseSeconds: lease / .seconds(1))
        let claimed = try await run("claim") { [client] in
            try await client.execute(statement).reduce(false) { _, _ in true }
        }
        guard claimed else { return false }
        // A verdict committed while the claim statement ran is invisible to its snapshot; a second look, in a
        // new snapshot, sees it, so a replica never judges a key whose verdict was just stored.
        guard try await verdict(forKey: key) == nil else {
            try await release(key: key, owner: owner)
            return false
        }
        return true
    }

    /// Ends `owner`'s claim on `key`.
    public func release(key: String, owner: String) async throws {
        try await run("release") { [client] in
            for try await _ in try await client.execute(PostgresStatements.Release(key: key, owner: owner)) {}
        }
    }

    /// Runs `work` within the cache's timeout, turning a database error into a `VerdictStoreError` that says
    /// what failed and why. The pool waits for ever for a server that is down; the timeout bounds that wait,
    /// and after one such failure the cache is skipped for as long again.
    func run<T: Sendable>(_ operation: String, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        if let until = skippedUntil.withLockedValue({ $0 }), ContinuousClock.now < until {
            throw VerdictStoreError(
                code: "cache_unavailable",
                message: "verdict cache at \(location) is skipped for a moment after it stopped answering")
        }
        do {
            return try await withDeadline(timeout, operation, work)
        } catch {
            if PostgresErrorText.isOutage(error) {
                skippedUntil.withLockedValue { $0 = ContinuousClock.now + timeout }
                logger.warning(
                    "verdict cache unreachable; judging without it for a while",
                    metadata: ["cache": "\(location)", "seconds": "\(timeout / .seconds(1))"])
            }
            if let error = error as? VerdictStoreError { throw error }
            throw VerdictStoreError(
                code: "cache_\(operation)_failed",
                message: "verdict cache \(operation) at \(location) failed: \(PostgresErrorText.describe(error))")
        }
    }
}
