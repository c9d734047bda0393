import Judging
import Logging
import ServiceLifecycle
import VerdictStore

/// Closes what the engine owns at graceful shutdown, after the HTTP server has finished its requests:
/// the judge's HTTP client, then the verdict cache.
struct EngineCloser: Service {
    let cache: (any ManagedVerdictCache)?
    let transport: AsyncHTTPClientTransport?
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    /// Shuts down the judge client, then closes the cache.
    func close() async {
        do {
            try await transport?.shutdown()
        } catch {
            logger.error("shutting down the judge client failed", metadata: ["error": "\(error)"])
        }
        guard let cache else { return }
        do {
            try await cache.close()
            logger.info("verdict cache closed", metadata: ["cache": "\(cache.location)"])
        } catch {
            logger.error("closing the verdict cache failed", metadata: ["error": "\(error)"])
        }
    }
}
