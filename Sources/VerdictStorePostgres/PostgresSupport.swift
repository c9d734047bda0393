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

/// Runs `work`, cancelling it and throwing a `cache_timeout` error when it outlasts `limit`.
func withDeadline<T: Sendable>(
    _ limit: Duration, _ operation: String, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: DeadlineOutcome<T>.self) { group in
        group.addTask { .finished(try await work()) }
        group.addTask {
            try await Task.sleep(for: limit)
            return .timedOut
        }
        defer { group.cancelAll() }
        switch try await group.next() {
        case .finished(let value): return value
        case .timedOut, nil:
            throw VerdictStoreError(
                code: "cache_timeout", message: "verdict cache \(operation) took longer than \(limit); is PostgreSQL up?")
        }
    }
}

/// Which of a deadline's two racers finished first.
enum DeadlineOutcome<T: Sendable>: Sendable {
    case finished(T)
    case timedOut
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
