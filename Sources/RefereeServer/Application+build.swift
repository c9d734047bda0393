import Dispatch
import Foundation
import Hummingbird
import Judging
import Logging
import NIOCore
import RewardCore
import VerdictStore

/// What `buildApplication` may be handed instead of building it from the configuration (tests do this).
public struct ApplicationDependencies: Sendable {
    /// A judge to use instead of the one the configuration describes.
    public var judge: (any Judge)?
    /// Called with the bound port once the server listens (useful with port 0).
    public var onServerRunning: (@Sendable (Int) async -> Void)?

    /// No overrides.
    public init(judge: (any Judge)? = nil, onServerRunning: (@Sendable (Int) async -> Void)? = nil) {
        self.judge = judge
        self.onServerRunning = onServerRunning
    }
}

/// Builds the Referee HTTP application; `referee serve` and the tests both call this.
public func buildApplication(
    _ configuration: RefereeConfiguration, dependencies: ApplicationDependencies = .init()
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "referee")
    logger.logLevel = configuration.logLevel
    let parts = try buildEngineParts(configuration, dependencies: dependencies, logger: logger)
    let metrics = RefereeMetrics()
    let router = buildRouter(configuration, engine: parts.engine, metrics: metrics)
    let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000))
    let header = TimeAmount.nanoseconds(Int64(configuration.headerTimeoutSeconds * 1_000_000_000))
    let body = TimeAmount.nanoseconds(Int64(configuration.bodyTimeoutSeconds * 1_000_000_000))
    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [SlowClientGuard(headerTimeout: header, bodyTimeout: body)], idleTimeout: idle)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "referee"),
        services: parts.cache.map { [VerdictCacheCloser(cache: $0, logger: logger)] } ?? [],
        onServerRunning: { [logger] channel in
            logger.info("referee listening", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            await dependencies.onServerRunning?(channel.localAddress?.port ?? configuration.port)
        },
        logger: logger
    )
}

/// The reward engine the configuration describes; the server and the CLI share it.
/// With a judge URL it opens the verdict cache and the LLM judge; without one it scores in rules mode.
public func buildEngine(
    _ configuration: RefereeConfiguration, dependencies: ApplicationDependencies = .init(),
    logger: Logger = Logger(label: "referee")
) throws -> RewardEngine {
    try buildEngineParts(configuration, dependencies: dependencies, logger: logger).engine
}

/// The engine and, when a judge is configured, the verdict cache it owns.
func buildEngineParts(
    _ configuration: RefereeConfiguration, dependencies: ApplicationDependencies, logger: Logger
) throws -> (engine: RewardEngine, cache: SQLiteVerdictCache?) {
    var judge = dependencies.judge
    var cache: SQLiteVerdictCache?
    if judge == nil, let url = configuration.judgeURL, let model = configuration.judgeModel {
        let store = try SQLiteVerdictCache(path: configuration.cachePath)
        let judgeConfiguration = JudgeConfiguration(
            baseURL: url, model: model, apiKeyEnvironmentVariable: configuration.judgeAPIKeyVariable,
            apiKey: configuration.judgeAPIKey, timeoutSeconds: configuration.judgeTimeoutSeconds,
            maxConcurrency: configuration.judgeConcurrency, votes: configuration.judgeVotes,
            promptsDirectory: configuration.promptsDirectory)
        judge = try LLMJudge(configuration: judgeConfiguration, cache: store, logger: logger)
        cache = store
    }
    let engine = RewardEngine(
        judge: judge, parallelism: ProcessInfo.processInfo.activeProcessorCount,
        nanoseconds: { DispatchTime.now().uptimeNanoseconds })
    return (engine, cache)
}

/// The routes, with metrics, the JSON error shape and (when configured) bearer auth on every one.
func buildRouter(_ configuration: RefereeConfiguration, engine: RewardEngine, metrics: RefereeMetrics) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: ErrorShapeMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    if let token = configuration.authToken {
        router.add(middleware: BearerAuthMiddleware(token: token))
    }
    let admission = engine.judge == nil ? nil : JudgeAdmission(limit: configuration.maxJudgeQueue, metrics: metrics)
    let routes = RewardRoutes(engine: engine, configuration: configuration, metrics: metrics, admission: admission)
    router.post("reward", use: routes.reward)
    router.post("get_reward", use: routes.openRLHF)
    router.get("metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
    }
    router.get("healthz") { _, _ in Response.json(Array(#"{"status":"ok"}"#.utf8)) }
    router.get("/") { _, _ in
        Response.json(Array(#"{"service":"referee","endpoints":["POST /reward","POST /get_reward","GET /healthz","GET /metrics"]}"#.utf8))
    }
    return router
}
