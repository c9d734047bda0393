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
    /// Finishes pending writes and releases the store; later calls fail. Called once at shutdown.
    func close() async throws
}
