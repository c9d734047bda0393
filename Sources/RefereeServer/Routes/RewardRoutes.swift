import Foundation
import Hummingbird
import NIOCore
import RewardCore

/// The scoring routes: `POST /reward` and OpenRLHF's `POST /get_reward`.
struct RewardRoutes: Sendable {
    let engine: RewardEngine
    let configuration: RefereeConfiguration

    /// `POST /reward`: one rollout, or a batch with groups.
    func reward(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let parsed: RewardRequest
        do {
            parsed = try RewardRequest.decode(body.readableBytesView)
        } catch {
            throw APIError.badRequest(error)
        }
        try checkBatchSize(parsed.items.count, field: "rollouts")
        let config = configuration.scoring.overlaid(with: parsed.config)
        let options = try scoringOptions(config)
        if !parsed.isBatch {
            let rollout = try parsed.items[0].rollout.get(orThrow: APIError.badRequest)
            let result = await engine.score(rollout, options: options)
            return .json(result.jsonBytes(includeAdvantage: options.advantage != .none))
        }
        let batch = await engine.scoreBatch(parsed.items.map(\.rollout), ids: parsed.items.map(\.id), options: options)
        return .json(batch.jsonBytes(includeAdvantage: options.advantage != .none))
    }

    /// `POST /get_reward`: OpenRLHF's remote reward protocol.
    func openRLHF(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let parsed: OpenRLHFRequest
        do {
            parsed = try decodeJSON(OpenRLHFRequest.self, from: Data(body.readableBytesView))
        } catch {
            throw APIError.badRequest(error)
        }
        try checkBatchSize(parsed.query.count, field: "query")
        let config = configuration.scoring
        let options = try scoringOptions(config)
        let batch = await engine.scoreBatch(parsed.rollouts(), options: options)
        return .json(batch.openRLHFJSON(fallback: config.fallbackReward ?? configuration.fallbackReward))
    }

    private func readBody(_ request: Request) async throws -> ByteBuffer {
        do {
            return try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, RewardError(
                code: "body_too_large", message: "the request body is over the limit of \(configuration.maxBodyBytes) bytes (max_body_bytes)"))
        }
    }

    private func checkBatchSize(_ count: Int, field: String) throws {
        guard count <= configuration.maxBatchSize else {
            throw APIError(.contentTooLarge, RewardError(
                code: "batch_too_large", message: "\(count) rollouts is over the limit of \(configuration.maxBatchSize) (max_batch_size)", field: field))
        }
    }

    private func scoringOptions(_ config: RequestConfig) throws -> ScoringOptions {
        do {
            return try config.scoringOptions()
        } catch {
            throw APIError.badRequest(error)
        }
    }
}

extension Result {
    /// The success value, or the failure mapped to another error and thrown.
    func get<E: Error>(orThrow map: (Failure) -> E) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw map(error)
        }
    }
}
