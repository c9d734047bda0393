import Foundation
import RewardCore

/// A verdict cache the service owns: it reports its contents, prunes old verdicts and is closed at shutdown.
public protocol ManagedVerdictCache: VerdictCache {
    /// Where the verdicts live, fit for logs: a file path, or a URL without its password.
    var location: String { get }
    /// Counts and totals over the stored verdicts.
    func stats() async throws -> VerdictCacheStatistics
    /// Deletes verdicts stored before `cutoff`; returns how many went.
    @discardableResult
    func prune(olderThan cutoff: Date) async throws -> Int
    /// Up to `limit` rows in key order after `key` (from the start when nil), for copying the cache page by page.
    func rows(after key: String?, limit: Int) async throws -> [StoredVerdict]
    /// Inserts `rows` with their own times, keeping any verdict already stored under a key; returns how many went in.
    func insert(_ rows: [StoredVerdict]) async throws -> Int
    /// Finishes pending writes and releases the store; later calls fail. Called once at shutdown.
    func close() async throws
}

extension ManagedVerdictCache {
    /// Copies every verdict of `self` into `target` (verdicts `target` holds already stay), a page at a time;
    /// returns how many were read and how many went in.
    public func copy(
        into target: any ManagedVerdictCache, pageSize: Int = 1000
    ) async throws -> (read: Int, inserted: Int) {
        var read = 0
        var inserted = 0
        var last: String?
        while true {
            let page = try await rows(after: last, limit: pageSize)
            guard let final = page.last else { return (read, inserted) }
            read += page.count
            inserted += try await target.insert(page)
            last = final.key
        }
    }
}
