import Foundation
import RewardCore

/// The reading path Referee had before the wire layer, kept here only as the benchmark's baseline:
/// Foundation's `JSONDecoder` into Codable rollouts, then the same engine and writer.
enum FoundationBaseline {
    struct Body: Decodable {
        var rollouts: [Item]
    }

    struct Item: Decodable {
        var id: Int?
        var prompt: String?
        var response: String
        var ground_truth: String?
        var requires_reasoning: Bool?
        var group: String?
        var answer_type: String?
        var images: [String]?
        var tolerance: Double?
        var prefix: String?
    }

    /// Decodes a batch body into rollouts as the old reader did.
    static func decode(_ body: [UInt8]) -> [Rollout] {
        let decoded = try! JSONDecoder().decode(Body.self, from: Data(body))
        return decoded.rollouts.map { item in
            Rollout(
                id: item.id.map(RolloutID.integer), prompt: item.prompt ?? "", response: item.response,
                groundTruths: item.ground_truth.map { [$0] }, requiresReasoning: item.requires_reasoning,
                images: item.images ?? [], group: item.group, tolerance: item.tolerance, prefix: item.prefix)
        }
    }
}
