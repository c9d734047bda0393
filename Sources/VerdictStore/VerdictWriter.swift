import Foundation
import GRDB
import RewardCore

/// Group commit for stored verdicts: verdicts that arrive while a write is running are written
/// together in the next transaction, so a busy judge costs one WAL commit per batch, not per verdict.
/// Every `store` returns only once its own verdict is committed (or throws that batch's error).
actor VerdictWriter {
    private struct Item {
        var id: Int
        var key: String
        var verdict: JudgeVerdict
        var createdAt: Double
    }

    private let pool: DatabasePool
    private var pending: [Item] = []
    /// Callers waiting for a batch: resumed with `true` when they must write the next batch themselves.
    private var waiters: [Int: CheckedContinuation<Bool, any Error>] = [:]
    private var writing = false
    private var nextID = 0

    init(pool: DatabasePool) { self.pool = pool }

    func store(_ verdict: JudgeVerdict, forKey key: String, at createdAt: Double) async throws {
        let id = nextID
        nextID += 1
        pending.append(Item(id: id, key: key, verdict: verdict, createdAt: createdAt))
        if writing {
            // Registered in the same actor turn as the append, so the running batch's writer finds it.
            let mustWrite = try await withCheckedThrowingContinuation { waiters[id] = $0 }
            if !mustWrite { return }
        } else {
            writing = true
        }
        try await writeBatch(own: id)
    }

    /// Writes everything pending in one transaction, answers the other callers in it, then hands the
    /// writing to the oldest caller still waiting (no background task: a caller always does the work).
    private func writeBatch(own id: Int) async throws {
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        var failure: (any Error)?
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(sql: VerdictDatabase.storeSQL)
                for item in batch {
                    let verdict = item.verdict
                    try statement.execute(arguments: [
                        item.key, verdict.passed, verdict.requiresReasoning, verdict.agreement, verdict.rawText,
                        verdict.model, verdict.promptTokens, verdict.completionTokens, verdict.latencyMs,
                        item.createdAt,
                    ])
                }
            }
        } catch {
            failure = error
        }
        for item in batch where item.id != id {
            guard let waiter = waiters.removeValue(forKey: item.id) else { continue }
            if let failure { waiter.resume(throwing: failure) } else { waiter.resume(returning: false) }
        }
        if let next = pending.first, let waiter = waiters.removeValue(forKey: next.id) {
            waiter.resume(returning: true)
        } else {
            writing = false
        }
        if let failure { throw failure }
    }
}
