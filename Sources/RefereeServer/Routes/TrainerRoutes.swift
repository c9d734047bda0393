import Foundation
import Hummingbird
import NIOCore
import RewardCore

/// The routes of trainers that need a number for every rollout: OpenRLHF's `/get_reward`, slime's
/// `remote_rm` and NeMo-Gym's resources server. They wait out a judge outage for `judge_outage_wait`
/// seconds, then answer as `judge_outage_reply` says.
extension RewardRoutes {
    /// `POST /get_reward`: OpenRLHF's remote reward protocol.
    func openRLHF(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let parsed = try Self.read(body, Wire.readOpenRLHF)
        try checkBatchSize(parsed.query.count, field: "query")
        let options = try serverScoringOptions()
        let items = parsed.rollouts()
        try checkFieldSizes(items, batch: true, listName: "query")
        let batch = try await scoreNumeric(items, options: options, context: context)
        return .json(batch.openRLHFJSON(fallback: fallbackReward))
    }

    /// `POST /slime`: slime's `remote_rm` body; the reply's `reward` is always a number (`--reward-key reward`).
    func slime(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let item = try Self.read(body, Wire.readSlime)
        try checkFieldSizes([item], batch: false)
        _ = try item.rollout.get(orThrow: APIError.badRequest)
        let batch = try await scoreNumeric([item], options: try serverScoringOptions(), context: context)
        return .json(batch.results[0].numericJSON(fallback: fallbackReward))
    }

    /// `POST /verify`: NeMo-Gym's verify; the body comes back with `reward`, `reward_components` and `abstained`.
    func nemoGymVerify(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let parsed = try Self.read(body, Wire.readNeMoGymVerify)
        try checkFieldSizes([parsed.item], batch: false)
        _ = try parsed.item.rollout.get(orThrow: APIError.badRequest)
        let batch = try await scoreNumeric([parsed.item], options: try serverScoringOptions(), context: context)
        let reply = body.withUnsafeReadableBytes { raw in
            batch.results[0].nemoGymVerifyJSON(body: raw.assumingMemoryBound(to: UInt8.self), hasMembers: parsed.hasMembers, fallback: fallbackReward)
        }
        return .json(reply)
    }

    /// The reward an abstained rollout gets on the numeric routes.
    var fallbackReward: Double { configuration.scoring.fallbackReward ?? configuration.fallbackReward }

    /// Scores `items`, re-asking the rollouts a judge outage made abstain until `judge_outage_wait` has passed;
    /// past it, 503 with `Retry-After` or the fallback, as `judge_outage_reply` says.
    func scoreNumeric(_ items: [RolloutItem], options: ScoringOptions, context: some RequestContext) async throws -> BatchResult {
        var batch = try await admitted(items, options: options) { await engine.scoreBatch(items, options: options) }
        let deadline = Date().addingTimeInterval(configuration.judgeOutageWaitSeconds)
        var delay = 0.25
        while true {
            let waiting = batch.results.indices.filter { batch.results[$0].error?.code.isJudgeOutage == true }
            guard !waiting.isEmpty else { break }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                if configuration.judgeOutageReply == .unavailable {
                    abstentions.record(waiting.map { batch.results[$0] }, logger: context.logger)
                    throw APIError(
                        .serviceUnavailable,
                        RewardError(code: batch.results[waiting[0]].error!.code, message: "the judge is down (\(batch.results[waiting[0]].error!.message)); waited \(configuration.judgeOutageWaitSeconds) s (judge_outage_wait)"),
                        headers: [.retryAfter: "5"])
                }
                break
            }
            try await Task.sleep(for: .seconds(min(delay, remaining)))
            delay = min(delay * 2, 5)
            let retried = waiting.map { items[$0] }
            let again = try await admitted(retried, options: options) { await engine.scoreBatch(retried, options: options) }
            for (offset, index) in waiting.enumerated() { batch.results[index] = again.results[offset] }
        }
        metrics.record(batch.results)
        abstentions.record(batch.results, logger: context.logger)
        statistics.record(items, batch.results)
        return batch
    }
}

/// NeMo-Gym's resources-server bookkeeping routes.
enum NeMoGymRoutes {
    /// `POST /seed_session`: Referee keeps no session state; an Environment Server's `resources_session_id` is confirmed.
    static func seedSession(_ request: Request, context: some RequestContext) async throws -> Response {
        try await sessionReply(request, closing: false)
    }

    /// `POST /close_session`: nothing to release; the `resources_session_id` is confirmed.
    static func closeSession(_ request: Request, context: some RequestContext) async throws -> Response {
        try await sessionReply(request, closing: true)
    }

    private static func sessionReply(_ request: Request, closing: Bool) async throws -> Response {
        let body = try await request.body.collect(upTo: 1024 * 1024)
        // An empty body is the legacy agent's seed with nothing in it.
        guard body.readableBytes > 0 || closing else { return .json(Array("{}".utf8)) }
        return .json(try RewardRoutes.read(body) { bytes throws(RewardError) in try Wire.nemoGymSessionReply(bytes, closing: closing) })
    }

    /// `POST /aggregate_metrics`: reward statistics per task (`_ng_task_index`) and over all rollouts.
    static func aggregateMetrics(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 256 * 1024 * 1024)
        return .json(try RewardRoutes.read(body, NeMoGymMetrics.aggregate))
    }
}
