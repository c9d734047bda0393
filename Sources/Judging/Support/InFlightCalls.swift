/// Makes identical verdict requests that overlap in time share one judge call.
actor InFlightCalls<Value: Sendable> {
    private var running: [String: Task<Value, any Error>] = [:]

    /// The result of `work` for `key`, joining a call already running under the same key.
    func value(forKey key: String, work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = running[key] { return try await task.value }
        // The task is owned by this table and awaited by every caller; it is dropped once done.
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await task.value
    }

    /// How many distinct calls are running now.
    var count: Int { running.count }
}
