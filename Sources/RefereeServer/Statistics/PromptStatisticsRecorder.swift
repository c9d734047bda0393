import Foundation
import Logging
import NIOConcurrencyHelpers
import RewardCore
import ServiceLifecycle

/// Collects every scored rollout's accuracy and reward per prompt and writes them to the store in
/// batches, off the request path: a request only appends to a buffer; the flusher (or a read) writes.
actor PromptStatisticsRecorder {
    let store: any PromptStatisticsStore
    let policy: PromptStatisticsPolicy
    private let pending = NIOLockedValueBox([String: PromptObservations]())

    init(store: any PromptStatisticsStore, policy: PromptStatisticsPolicy = PromptStatisticsPolicy()) {
        self.store = store
        self.policy = policy
    }

    /// Buffers the scored rollouts of a request; rollouts that abstained or could not be read add nothing.
    nonisolated func record(_ items: [RolloutItem], _ results: [RewardResult]) {
        let batch = PromptObservations.collect(items, results)
        guard !batch.isEmpty else { return }
        pending.withLockedValue { pending in
            for (id, more) in batch {
                pending[id, default: PromptObservations()].accuracies += more.accuracies
                pending[id, default: PromptObservations()].rewards += more.rewards
            }
        }
    }

    /// Writes what is buffered: one transaction per flush, whatever the number of prompts.
    func flush(now: Double = Date().timeIntervalSince1970) async throws {
        let batch = pending.withLockedValue { pending in
            defer { pending = [:] }
            return pending
        }
        guard !batch.isEmpty else { return }
        try await store.add(batch, policy: policy, now: now)
    }

    /// The statistics of `ids`, after writing what is buffered.
    func statistics(_ ids: [String]) async throws -> [String: PromptStatistics] {
        try await flush()
        return try await store.load(ids)
    }
}

/// Flushes the recorder every `interval` seconds and once more at graceful shutdown, then runs `close`.
struct PromptStatisticsFlusher: Service {
    let recorder: PromptStatisticsRecorder
    let interval: Duration
    let logger: Logger
    let close: @Sendable () -> Void

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: interval)
            await flush()
        }
        await flush()
        close()
    }

    private func flush() async {
        do {
            try await recorder.flush()
        } catch {
            logger.error("writing prompt statistics failed", metadata: ["error": "\(error)"])
        }
    }
}
