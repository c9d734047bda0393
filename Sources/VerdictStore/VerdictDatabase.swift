import GRDB

/// Owns the verdict cache's schema: every table and index comes from this one migrator.
enum VerdictDatabase {
    /// Opens the SQLite file at `path` (WAL) for `label`, with the schema brought up to date: the verdict
    /// cache and the prompt statistics each hold a pool on the same file.
    static func openPool(path: String, label: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = label
        // Concurrent writers from several server processes wait instead of failing at once.
        configuration.busyMode = .timeout(5)
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash of the process loses
        // nothing, a power cut at most the last writes, which are only re-asked or re-counted. FULL
        // would fsync once per commit.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    /// The migrations, applied in order; a shipped migration is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: verdicts") { db in
            try db.create(table: "verdict") { table in
                table.primaryKey("key", .text)
                table.column("passed", .boolean).notNull()
                table.column("requires_reasoning", .boolean)
                table.column("agreement", .double).notNull()
                table.column("raw_text", .text).notNull()
                table.column("model", .text).notNull()
                table.column("prompt_tokens", .integer).notNull()
                table.column("completion_tokens", .integer).notNull()
                table.column("latency_ms", .double).notNull()
                table.column("created_at", .double).notNull()
            }
            try db.create(index: "verdict_created_at", on: "verdict", columns: ["created_at"])
        }
        migrator.registerMigration("v2: prompt statistics") { db in
            try db.create(table: "prompt_stats") { table in
                table.primaryKey("prompt_id", .text)
                table.column("attempts", .integer).notNull()
                table.column("successes", .integer).notNull()
                table.column("alpha", .double).notNull()
                table.column("beta", .double).notNull()
                table.column("reward_mean", .double).notNull()
                table.column("reward_squares", .double).notNull()
                table.column("first_update", .double).notNull()
                table.column("last_update", .double).notNull()
            }
        }
        return migrator
    }

    /// The hot lookup, prepared once per connection through GRDB's statement cache.
    static let lookupSQL = """
        SELECT passed, requires_reasoning, agreement, raw_text, model, prompt_tokens, completion_tokens, latency_ms
        FROM verdict WHERE key = ?
        """

    static let storeSQL = "INSERT OR REPLACE" + columnsAndValues

    /// A copied row goes in only where no verdict is stored yet.
    static let insertIfAbsentSQL = "INSERT OR IGNORE" + columnsAndValues

    private static let columnsAndValues = """
         INTO verdict
        (key, passed, requires_reasoning, agreement, raw_text, model, prompt_tokens, completion_tokens, latency_ms, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
