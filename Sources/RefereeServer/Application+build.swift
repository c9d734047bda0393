import Dispatch
import Foundation
import Hummingbird
import Judging
import Logging
import NIOCore
import RewardCore
import Sandbox
import VerdictStore
import VerdictStorePostgres

/// What `buildApplication` may be handed instead of building it from the configuration (tests do this).
public struct ApplicationDependencies: Sendable {
    /// A judge to use instead of the one the configuration describes.
    public var judge: (any Judge)?
    /// A code runner to use instead of the sandbox the configuration describes.
    public var codeRunner: (any CodeRunner)?
    /// Called with the bound port once the server listens (useful with port 0).
    public var onServerRunning: (@Sendable (Int) async -> Void)?

    /// No overrides.
    public init(
        judge: (any Judge)? = nil, codeRunner: (any CodeRunner)? = nil, onServerRunning: (@Sendable (Int) async -> Void)? = nil
    ) {
        self.judge = judge
        self.codeRunner = codeRunner
        self.onServerRunning = onServerRunning
    }
}

/// Builds the Referee HTTP application; `referee serve` and the tests both call this.
public func buildApplication(
    _ configuration: RefereeConfiguration, dependencies: ApplicationDependencies = .init()
) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "referee")
    logger.logLevel = configuration.logLevel
    let parts = try await buildEngineParts(configuration, dependencies: dependencies, logger: logger)
    let metrics = RefereeMetrics()
    // Prompt statistics live beside the verdict cache (its SQLite file, or the shared PostgreSQL database);
    // in rules mode, with no cache, in memory.
    let statistics = parts.cache.flatMap { try? promptStatistics(beside: $0) }
    let recorder = PromptStatisticsRecorder(store: statistics?.store ?? InMemoryPromptStatisticsStore())
    let flusher = PromptStatisticsFlusher(recorder: recorder, interval: .milliseconds(250), logger: logger) {
        statistics?.close()
    }
    let router = buildRouter(configuration, engine: parts.engine, metrics: metrics, statistics: recorder, cache: parts.cache)
    let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeoutSeconds * 1_000_000_000))
    let header = TimeAmount.nanoseconds(Int64(configuration.headerTimeoutSeconds * 1_000_000_000))
    let body = TimeAmount.nanoseconds(Int64(configuration.bodyTimeoutSeconds * 1_000_000_000))
    return Application(
        router: router,
        server: .http1(configuration: .init(
            additionalChannelHandlers: [SlowClientGuard(headerTimeout: header, bodyTimeout: body)], idleTimeout: idle)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "referee"),
        services: [EngineCloser(cache: parts.cache, transport: parts.transport, logger: logger), flusher],
        onServerRunning: { [logger] channel in
            logger.info("referee listening", metadata: ["address": "\(channel.localAddress.map { "\($0)" } ?? "?")"])
            await dependencies.onServerRunning?(channel.localAddress?.port ?? configuration.port)
        },
        logger: logger
    )
}

/// Runs `body` with the engine the configuration describes, then shuts down its judge client and closes its cache.
public func withEngine<T: Sendable>(
    _ configuration: RefereeConfiguration, logger: Logger = Logger(label: "referee"),
    _ body: (RewardEngine) async throws -> T
) async throws -> T {
    let parts = try await buildEngineParts(configuration, dependencies: .init(), logger: logger)
    let closer = EngineCloser(cache: parts.cache, transport: parts.transport, logger: logger)
    do {
        let value = try await body(parts.engine)
        await closer.close()
        return value
    } catch {
        await closer.close()
        throw error
    }
}

/// What the engine owns that must be closed at shutdown.
struct EngineParts {
    var engine: RewardEngine
    var cache: (any ManagedVerdictCache)?
    var transport: AsyncHTTPClientTransport?
}

/// The engine and, when a judge is configured, the verdict cache and HTTP client it owns.
func buildEngineParts(
    _ configuration: RefereeConfiguration, dependencies: ApplicationDependencies, logger: Logger
) async throws -> EngineParts {
    var parts = EngineParts(engine: RewardEngine())
    var judge = dependencies.judge
    if judge == nil, let url = configuration.judgeURL, let model = configuration.judgeModel {
        var judgeConfiguration = JudgeConfiguration(
            baseURL: url, model: model, apiKeyEnvironmentVariable: configuration.judgeAPIKeyVariable,
            apiKey: configuration.judgeAPIKey, timeoutSeconds: configuration.judgeTimeoutSeconds,
            maxConcurrency: configuration.judgeConcurrency, votes: configuration.judgeVotes,
            promptsDirectory: configuration.promptsDirectory)
        judgeConfiguration.customComponents = configuration.customComponents
        judgeConfiguration.thinkJudgeConsistencyCheck = configuration.judgeConsistencyCheck ?? false
        // AsyncHTTPClient spends about a seventh of URLSession's CPU per judge call (JudgeBenchmark).
        var transport: (any JudgeTransport)?
        if configuration.judgeTransport == .asyncHTTPClient {
            let client = AsyncHTTPClientTransport(maximumConnectionsPerHost: configuration.judgeConcurrency)
            parts.transport = client
            transport = client
        }
        do {
            let store = try await openVerdictCache(configuration.cachePath, logger: logger)
            parts.cache = store
            logger.info("verdict cache open", metadata: ["cache": "\(store.location)"])
            judge = try LLMJudge(configuration: judgeConfiguration, cache: store, transport: transport, logger: logger)
        } catch {
            // What opened before the failure is closed here: nobody else holds it yet.
            await EngineCloser(cache: parts.cache, transport: parts.transport, logger: logger).close()
            throw error
        }
    }
    var codeRunner = dependencies.codeRunner
    do {
        if codeRunner == nil { codeRunner = try await buildCodeRunner(configuration, logger: logger) }
    } catch {
        await EngineCloser(cache: parts.cache, transport: parts.transport, logger: logger).close()
        throw error
    }
    parts.engine = RewardEngine(
        judge: judge, codeRunner: codeRunner, parallelism: ProcessInfo.processInfo.activeProcessorCount,
        nanoseconds: { DispatchTime.now().uptimeNanoseconds })
    if configuration.judgeBudgetTokens > 0 {
        parts.engine.judgeBudget = JudgeTokenBudget(
            limit: configuration.judgeBudgetTokens, windowSeconds: configuration.judgeBudgetWindowSeconds)
    }
    return parts
}

/// The sandbox `sandbox` names, proven to run a one-line program, behind the parallel-run limit and the
/// result cache; nil for `none`.
func buildCodeRunner(_ configuration: RefereeConfiguration, logger: Logger) async throws -> (any CodeRunner)? {
    let runner: any CodeRunner
    switch configuration.sandbox {
    case .none:
        return nil
    case .bwrap:
        runner = try BubblewrapRunner(configuration: .init(limits: configuration.sandboxLimits))
    case .sandboxfusion:
        guard let url = configuration.sandboxURL else {
            throw SandboxSetupError(description: "sandbox sandboxfusion needs sandbox_url, the SandboxFusion server's base URL")
        }
        runner = try SandboxFusionRunner(base: url, limits: configuration.sandboxLimits)
    }
    try await runner.selfCheck()
    let parallel = configuration.sandboxParallelRuns > 0 ? configuration.sandboxParallelRuns : ProcessInfo.processInfo.activeProcessorCount
    logger.info("sandbox ready", metadata: ["sandbox": "\(configuration.sandbox.rawValue)", "parallel_runs": "\(parallel)"])
    return QueuedCodeRunner(runner, parallelRuns: parallel)
}

/// The routes, with metrics, the JSON error shape and (when configured) bearer auth on every one.
func buildRouter(
    _ configuration: RefereeConfiguration, engine: RewardEngine, metrics: RefereeMetrics,
    statistics: PromptStatisticsRecorder = PromptStatisticsRecorder(store: InMemoryPromptStatisticsStore()),
    cache: (any VerdictCache)? = nil
) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: MetricsMiddleware(metrics: metrics))
    router.add(middleware: ErrorShapeMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    if let token = configuration.authToken {
        router.add(middleware: BearerAuthMiddleware(token: token))
    }
    let routes = RewardRoutes(engine: engine, configuration: configuration, metrics: metrics, statistics: statistics, cache: cache)
    router.post("reward", use: routes.reward)
    router.post("get_reward", use: routes.openRLHF)
    router.post("slime", use: routes.slime)
    router.post("verify", use: routes.nemoGymVerify)
    router.post("seed_session", use: NeMoGymRoutes.seedSession)
    router.post("close_session", use: NeMoGymRoutes.closeSession)
    router.post("aggregate_metrics", use: NeMoGymRoutes.aggregateMetrics)
    router.get("prompts/:id", use: routes.promptStatistics)
    router.get("verdicts/:key", use: routes.cachedVerdict)
    router.post("sample", use: routes.sample)
    router.get("metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
    }
    router.get("healthz") { _, _ in Response.json(Array(#"{"status":"ok"}"#.utf8)) }
    router.get("/") { _, _ in
        Response.json(Array(#"{"service":"referee","endpoints":["POST /reward","POST /get_reward","POST /slime","POST /verify","POST /seed_session","POST /close_session","POST /aggregate_metrics","GET /prompts/{id}","GET /verdicts/{key}","POST /sample","GET /healthz","GET /metrics"]}"#.utf8))
    }
    let methods: [(String, HTTPRequest.Method)] = [
        ("reward", .post), ("get_reward", .post), ("slime", .post), ("verify", .post), ("seed_session", .post), ("close_session", .post),
        ("aggregate_metrics", .post), ("sample", .post), ("prompts/:id", .get), ("verdicts/:key", .get), ("metrics", .get), ("healthz", .get), ("/", .get),
    ]
    for (path, method) in methods {
        router.refuseOtherMethods(RouterPath(path), allowed: [method])
    }
    return router
}

/// The prompt statistics beside a verdict cache (its SQLite file, or its PostgreSQL database), and how to
/// close them (the SQLite store has its own connection pool; the PostgreSQL one shares the cache's).
public func promptStatistics(beside cache: any ManagedVerdictCache) throws -> (store: any PromptStatisticsStore, close: @Sendable () -> Void)? {
    if let file = cache as? SQLiteVerdictCache {
        let store = try SQLitePromptStatistics(path: file.path)
        return (store, { try? store.close() })
    }
    if let shared = cache as? PostgresVerdictCache {
        return (PostgresPromptStatistics(cache: shared), {})
    }
    return nil
}
