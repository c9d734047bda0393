import Logging
import PostgresNIO

/// Owns the PostgreSQL cache's schema: the same `verdict` table as the SQLite cache, plus claims.
enum PostgresSchema {
    /// One schema step; a shipped migration is never edited, only followed by a new one.
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// The migrations, applied in order.
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "verdicts",
            statements: [
                """
                CREATE TABLE verdict (
                    key TEXT PRIMARY KEY,
                    passed BOOLEAN NOT NULL,
                    requires_reasoning BOOLEAN,
                    agreement DOUBLE PRECISION NOT NULL,
                    raw_text TEXT NOT NULL,
                    model TEXT NOT NULL,
                    prompt_tokens BIGINT NOT NULL,
                    completion_tokens BIGINT NOT NULL,
                    latency_ms DOUBLE PRECISION NOT NULL,
                    created_at DOUBLE PRECISION NOT NULL
                )
                """,
                "CREATE INDEX verdict_created_at ON verdict (created_at)",
            ]),
        Migration(
            version: 2, name: "claims",
            statements: [
                """
                CREATE TABLE verdict_claim (
                    key TEXT PRIMARY KEY,
                    owner TEXT NOT NULL,
                    expires_at TIMESTAMPTZ NOT NULL
                )
                """
            ]),
        Migration(
            version: 3, name: "prompt statistics",
            statements: [
                """
                CREATE TABLE prompt_stats (
                    prompt_id TEXT PRIMARY KEY,
                    attempts BIGINT NOT NULL,
                    successes BIGINT NOT NULL,
                    alpha DOUBLE PRECISION NOT NULL,
                    beta DOUBLE PRECISION NOT NULL,
                    reward_mean DOUBLE PRECISION NOT NULL,
                    reward_squares DOUBLE PRECISION NOT NULL,
                    first_update DOUBLE PRECISION NOT NULL,
                    last_update DOUBLE PRECISION NOT NULL
                )
                """
            ]),
    ]

    /// Serialises migrations across replicas that start at once (an arbitrary constant: "referee" in ASCII).
    static let migrationLockID: Int64 = 0x7265_6665_7265_65

    /// Brings the schema up to date in one transaction; returns the versions it applied.
    @discardableResult
    static func migrate(_ connection: PostgresConnection, upTo lastVersion: Int = Int.max, logger: Logger) async throws -> [Int] {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockID))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS referee_schema_migration (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var present = Set<Int>()
            for try await version in try await connection.query(
                "SELECT version FROM referee_schema_migration", logger: logger
            ).decode(Int.self) {
                present.insert(version)
            }
            var applied: [Int] = []
            for migration in migrations where migration.version <= lastVersion && !present.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO referee_schema_migration (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
                applied.append(migration.version)
            }
            if let newest = present.max(), newest > (migrations.last?.version ?? 0) {
                logger.notice(
                    "the verdict cache schema is newer than this build knows; using the tables it knows",
                    metadata: ["schema_version": "\(newest)"])
            }
            return applied
        }
    }
}
