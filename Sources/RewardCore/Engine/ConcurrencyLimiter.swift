/// An async counting semaphore: at most `limit` holders, waiters served first come first served
/// (the judge's calls in flight, the sandbox's runs).
public actor ConcurrencyLimiter {
    private let limit: Int
    private var inUse = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    /// Creates a limiter with `limit` permits (at least 1).
    public init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` while holding one of the permits.
    public nonisolated func withPermit<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if head < waiters.count {
            // The permit passes straight to the next waiter, so inUse stays the same.
            let next = waiters[head]
            head += 1
            if head > 1024, head * 2 > waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
            next.resume()
        } else {
            inUse -= 1
        }
    }
}
