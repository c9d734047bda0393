import Hummingbird
import RewardCore

/// The prompt statistics routes: `GET /prompts/{id}` and `POST /sample`.
extension RewardRoutes {
    /// `GET /prompts/{id}`: what Referee knows about one prompt; 404 for a prompt never scored.
    func promptStatistics(_ request: Request, context: some RequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let stats = try await statistics.statistics([id])[id] else {
            throw APIError(.notFound, RewardError(code: .notFound, message: "no rollout of prompt '\(id)' has been scored", field: "id"))
        }
        var writer = JSONWriter(capacity: 256)
        stats.write(to: &writer)
        return .json(writer.bytes)
    }

    /// `POST /sample`: the `k` candidates the strategy prefers, each with its score and statistics.
    func sample(_ request: Request, context: some RequestContext) async throws -> Response {
        let body = try await readBody(request)
        let parsed = try Self.read(body, Wire.readSampleRequest)
        let known = try await statistics.statistics(parsed.candidates)
        let chosen = PromptSampler.sample(
            parsed.candidates, k: parsed.k, strategy: parsed.strategy, seed: parsed.seed, statistics: known, policy: statistics.policy)
        var writer = JSONWriter(capacity: 64 + 256 * chosen.count)
        writer.raw("{")
        writer.key("strategy")
        writer.string(parsed.strategy.rawValue)
        writer.raw(",")
        writer.key("prompts")
        writer.raw("[")
        for (offset, prompt) in chosen.enumerated() {
            writer.comma(offset > 0)
            prompt.statistics.write(to: &writer, score: prompt.score)
        }
        writer.raw("]}")
        return .json(writer.bytes)
    }
}
