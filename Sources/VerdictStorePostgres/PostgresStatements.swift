import PostgresNIO
import RewardCore

/// The cache's hot statements, prepared once per pooled connection.
enum PostgresStatements {
    /// The columns a verdict is read back from, in `JudgeVerdict`'s order.
    typealias VerdictRow = (Bool, Bool?, Double, String, String, Int, Int, Double)

    /// Builds the verdict a row holds, marked as coming from the cache.
    static func verdict(_ row: VerdictRow) -> JudgeVerdict {
        JudgeVerdict(
            passed: row.0, requiresReasoning: row.1, agreement: row.2, rawText: row.3, model: row.4,
            promptTokens: row.5, completionTokens: row.6, latencyMs: row.7, fromCache: true)
    }

    /// Appends `verdict`'s columns after its key, in the order the insert names them.
    static func bind(_ verdict: JudgeVerdict, key: String, createdAt: Double, to bindings: inout PostgresBindings) {
        bindings.append(key)
        bindings.append(verdict.passed)
        bindings.append(verdict.requiresReasoning)
        bindings.append(verdict.agreement)
        bindings.append(textWithoutNUL(verdict.rawText))
        bindings.append(textWithoutNUL(verdict.model))
        bindings.append(verdict.promptTokens)
        bindings.append(verdict.completionTokens)
        bindings.append(verdict.latencyMs)
        bindings.append(createdAt)
    }

    /// PostgreSQL text cannot hold NUL: a judge's raw text with one keeps every other character, NUL becoming U+FFFD.
    static func textWithoutNUL(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
    }

    /// One verdict by key.
    struct Lookup: PostgresPreparedStatement {
        static let sql = """
            SELECT passed, requires_reasoning, agreement, raw_text, model, prompt_tokens, completion_tokens, latency_ms
            FROM verdict WHERE key = $1
            """
        typealias Row = VerdictRow
        var key: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(key)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    /// Stores a verdict unless one is stored already (the first verdict for a key is the only one), and ends
    /// the storing owner's claim; returns a row only when this verdict was the one stored.
    struct StoreFirst: PostgresPreparedStatement {
        static let sql = """
            WITH stored AS (
                INSERT INTO verdict
                (key, passed, requires_reasoning, agreement, raw_text, model, prompt_tokens, completion_tokens,
                 latency_ms, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (key) DO NOTHING
                RETURNING key
            ), released AS (
                DELETE FROM verdict_claim WHERE key = $1 AND owner = $11
            )
            SELECT key FROM stored
            """
        typealias Row = String
        var verdict: JudgeVerdict
        var key: String
        var owner: String
        var createdAt: Double

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 11)
            PostgresStatements.bind(verdict, key: key, createdAt: createdAt, to: &bindings)
            bindings.append(owner)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(String.self) }
    }

    /// Takes a claim on a key with no stored verdict: a new one, the owner's own (extended) or a lapsed one.
    struct Claim: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO verdict_claim (key, owner, expires_at)
            SELECT $1, $2, clock_timestamp() + $3 * interval '1 second'
            WHERE NOT EXISTS (SELECT 1 FROM verdict WHERE key = $1)
            ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
            WHERE verdict_claim.owner = EXCLUDED.owner OR verdict_claim.expires_at < clock_timestamp()
            RETURNING owner
            """
        typealias Row = String
        var key: String
        var owner: String
        var leaseSeconds: Double

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(key)
            bindings.append(owner)
            bindings.append(leaseSeconds)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(String.self) }
    }

    /// Ends an owner's claim without a verdict.
    struct Release: PostgresPreparedStatement {
        static let sql = "DELETE FROM verdict_claim WHERE key = $1 AND owner = $2"
        typealias Row = ()
        var key: String
        var owner: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(key)
            bindings.append(owner)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row {}
    }
}
