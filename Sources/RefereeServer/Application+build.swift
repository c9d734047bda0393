import Dispatch
import Hummingbird
import Logging
import NIOCore
import RewardCore

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
    let engine = buildEngine(configuration, dependencies: dependencies)
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
public func buildEngine(_ configuration: RefereeConfiguration, dependencies: ApplicationDependencies = .init()) -> RewardEngine {
    RewardEngine(judge: dependencies.judge, nanoseconds: { DispatchTime.now().uptimeNanoseconds })
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
