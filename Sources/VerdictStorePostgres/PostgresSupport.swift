import NIOConcurrencyHelpers
import PostgresNIO
import VerdictStore

/// Runs `body` with a client of its own for `configuration`, running for as long as `body` does.
func withRunningClient<T>(
    _ configuration: PostgresClient.Configuration, _ body: (PostgresClient) async throws -> T
) async throws -> T {
    let client = PostgresClient(configuration: configuration)
    let running = Task { await client.run() }
    let result: Result<T, any Error>
    do {
        result = .success(try await body(client))
    } catch {
        result = .failure(error)
    }
    running.cancel()
    await running.value
    return try result.get()
}

/// Runs `work`, throwing a `cache_timeout` error when it outlasts `limit`. The error comes at the
/// deadline even when `work` ignores its cancellation (a pool lease waiting on a server that is gone):
/// `work` is cancelled and left to end on its own, never awaited past the deadline, which a task group
/// would do.
func withDeadline<T: Sendable>(
    _ limit: Duration, _ operation: String, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let worker = Task {
                do { race.finish(.success(try await work())) } catch { race.finish(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                race.finish(.failure(VerdictStoreError(
                    code: "cache_timeout", message: "verdict cache \(operation) took longer than \(limit); is PostgreSQL up?")))
            }
            race.start(continuation, racers: [worker, timer])
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of a deadline's racers to finish resumes the caller; the others are cancelled.
final class DeadlineRace<T: Sendable>: Sendable {
    private struct State: Sendable {
        var continuation: CheckedContinuation<T, any Error>?
        /// A result that came before the continuation was installed.
        var early: Result<T, any Error>?
        var racers: [Task<Void, Never>] = []
        var resumed = false
    }

    private let state = NIOLockedValueBox(State())

    /// Installs the caller's continuation, resuming it at once when a racer already finished.
    func start(_ continuation: CheckedContinuation<T, any Error>, racers: [Task<Void, Never>]) {
        let early: Result<T, any Error>? = state.withLockedValue { state in
            state.racers = racers
            guard let early = state.early else {
                state.continuation = continuation
                return nil
            }
            state.resumed = true
            return early
        }
        guard let early else { return }
        for racer in racers { racer.cancel() }
        continuation.resume(with: early)
    }

    /// The first result wins; later ones are dropped.
    func finish(_ result: Result<T, any Error>) {
        let winner: (CheckedContinuation<T, any Error>, [Task<Void, Never>])? = state.withLockedValue { state in
            guard !state.resumed, state.early == nil else { return nil }
            guard let continuation = state.continuation else {
                state.early = result
                return nil
            }
            state.resumed = true
            state.continuation = nil
            return (continuation, state.racers)
        }
        guard let (continuation, racers) = winner else { return }
        for racer in racers { racer.cancel() }
        continuation.resume(with: result)
    }
}

/// Readable text for PostgreSQL errors, whose own description is deliberately generic.
enum PostgresErrorText {
    /// The server's message and SQLSTATE, or the client-side code and cause.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let info = error.serverInfo, let message = info[.message] {
            return "\(message) (SQLSTATE \(info[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }

    /// Whether `error` says the server is out of reach (no answer in time, a lost or refused connection, the server
    /// shutting down or out of connections) rather than that one statement failed.
    static func isOutage(_ error: any Error) -> Bool {
        if let error = error as? VerdictStoreError { return error.code == "cache_timeout" }
        guard let error = error as? PSQLError else { return false }
        guard let state = error.serverInfo?[.sqlState] else { return true }
        // SQLSTATE classes 08 connection exception, 53 insufficient resources, 57 operator intervention.
        return ["08", "53", "57"].contains(String(state.prefix(2)))
    }
}
