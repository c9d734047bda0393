import Dispatch
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
    let engine = try buildEngine(configuration, dependencies: dependencies, logger: logger)
    let router = buildRouter(configuration, engine: engine)
    let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000))
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: idle)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "referee"),
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
    let judge = try dependencies.judge ?? makeJudge(configuration, logger: logger)
    return RewardEngine(judge: judge, nanoseconds: { DispatchTime.now().uptimeNanoseconds })
}

/// The LLM judge behind the SQLite verdict cache, or nil in rules mode.
func makeJudge(_ configuration: RefereeConfiguration, logger: Logger) throws -> (any Judge)? {
    guard let url = configuration.judgeURL, let model = configuration.judgeModel else { return nil }
    let cache = try SQLiteVerdictCache(path: configuration.cachePath)
    let judgeConfiguration = JudgeConfiguration(
        baseURL: url, model: model, apiKeyEnvironmentVariable: configuration.judgeAPIKeyVariable,
        apiKey: configuration.judgeAPIKey, timeoutSeconds: configuration.judgeTimeoutSeconds,
        maxConcurrency: configuration.judgeConcurrency, votes: configuration.judgeVotes,
        promptsDirectory: configuration.promptsDirectory)
    return try LLMJudge(configuration: judgeConfiguration, cache: cache, logger: logger)
}

/// The routes, with the JSON error shape on every one.
func buildRouter(_ configuration: RefereeConfiguration, engine: RewardEngine) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: ErrorShapeMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    let routes = RewardRoutes(engine: engine, configuration: configuration)
    router.post("reward", use: routes.reward)
    router.post("get_reward", use: routes.openRLHF)
    router.get("healthz") { _, _ in Response.json(Array(#"{"status":"ok"}"#.utf8)) }
    router.get("/") { _, _ in
        Response.json(Array(#"{"service":"referee","endpoints":["POST /reward","POST /get_reward","GET /healthz"]}"#.utf8))
    }
    return router
}
