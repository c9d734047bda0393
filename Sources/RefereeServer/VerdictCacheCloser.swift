import Logging
import ServiceLifecycle
import VerdictStore

/// Closes the verdict cache at graceful shutdown, after the HTTP server has finished its requests.
struct VerdictCacheCloser: Service {
    let cache: SQLiteVerdictCache
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try cache.close()
            logger.info("verdict cache closed", metadata: ["path": "\(cache.path)"])
        } catch {
            logger.error("closing the verdict cache failed", metadata: ["error": "\(error)"])
        }
    }
}
