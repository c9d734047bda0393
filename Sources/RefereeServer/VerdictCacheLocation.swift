import Logging
import VerdictStore
import VerdictStorePostgres

/// Opens the verdict cache `location` names: a `postgres://` URL (a cache shared by replicas), else an SQLite file.
public func openVerdictCache(_ location: String, logger: Logger) async throws -> any ManagedVerdictCache {
    if PostgresCacheURL.isPostgres(location) {
        return try await PostgresVerdictCache.open(url: location, logger: logger)
    }
    return try SQLiteVerdictCache(path: location)
}
