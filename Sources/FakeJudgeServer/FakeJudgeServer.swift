import Hummingbird
import Logging
import NIOCore

/// A scripted OpenAI-compatible judge served in this process, on 127.0.0.1; its owner shuts it down.
public final class FakeJudgeServer: Sendable {
    /// What the server answers and what it has seen.
    public let script: JudgeScript
    /// The port it listens on (the one picked when started with port 0).
    public let port: Int
    private let running: Task<Void, any Error>

    /// The chat-completions base URL, `http://127.0.0.1:PORT/v1`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private init(script: JudgeScript, port: Int, running: Task<Void, any Error>) {
        self.script = script
        self.port = port
        self.running = running
    }

    /// The fake judge as a Hummingbird application, for an executable to run with `runService()`.
    public static func application(
        script: JudgeScript, port: Int = 0, backlog: Int = 256, logger: Logger = quietLogger(),
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: FakeJudgeRoutes.router(script),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "fake-judge", backlog: backlog),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Starts serving `script` on `port` (0 picks a free one) and returns once it listens.
    public static func start(
        _ script: JudgeScript = JudgeScript(), port: Int = 0, logger: Logger = quietLogger()
    ) async throws -> FakeJudgeServer {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = application(script: script, port: port, logger: logger) { port in
            portSink.yield(port)
            portSink.finish()
        }
        // Owned by the returned server: `shutdown()` (or its deinit) cancels it, which stops the server.
        let running = Task {
            defer { portSink.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else {
            try await running.value
            throw FakeJudgeError.didNotStart
        }
        return FakeJudgeServer(script: script, port: bound, running: running)
    }

    /// Runs `body` with the base URL of a judge answering from `script`, then shuts the judge down.
    public static func run<T: Sendable>(
        _ script: JudgeScript, _ body: @Sendable (_ baseURL: String) async throws -> T
    ) async throws -> T {
        let server = try await start(script)
        do {
            let result = try await body(server.baseURL)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Stops listening and drops open connections, as a judge that dies; returns once the port is free.
    public func shutdown() async {
        running.cancel()
        _ = await running.result
    }

    deinit { running.cancel() }

    /// A logger that stays quiet: cancelling a server with client connections open logs errors that mean nothing here.
    public static func quietLogger() -> Logger {
        var logger = Logger(label: "fake-judge")
        logger.logLevel = .critical
        return logger
    }
}
