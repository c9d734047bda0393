import Foundation

/// A `POST /reward` body: one rollout object, or `{"rollouts": [...], "config": {...}}`.
public struct RewardRequest: Decodable, Sendable {
    /// The rollouts, each read or with its error.
    public var items: [RolloutPayload]
    /// Whether the body was a batch (answered with `results` and `groups`).
    public var isBatch: Bool
    /// Per-request settings.
    public var config: RequestConfig?

    /// Reads either shape; a wrong `rollouts` or `config` throws a `RewardError`.
    public init(from decoder: any Decoder) throws {
        let reader = try JSONFieldReader(decoder, what: "the request body")
        if reader.container.contains(AnyKey("config")) && reader.isPresent("config") {
            config = try reader.container.decode(RequestConfig.self, forKey: AnyKey("config"))
        }
        if reader.container.contains(AnyKey("rollouts")) {
            isBatch = true
            do {
                items = try reader.container.decode([RolloutPayload].self, forKey: AnyKey("rollouts"))
            } catch {
                throw RewardError(code: "wrong_type", message: "rollouts must be a list of rollout objects", field: "rollouts")
            }
            items = items.enumerated().map { offset, item in
                var item = item
                if case .failure(let error) = item.rollout { item.rollout = .failure(error.nested(under: "rollouts[\(offset)]")) }
                return item
            }
        } else {
            isBatch = false
            items = [RolloutPayload(from: decoder)]
        }
    }

    /// Decodes a body, mapping every failure to a `RewardError` (`invalid_json`, `wrong_type`, ...).
    public static func decode(_ bytes: some DataProtocol) throws(RewardError) -> RewardRequest {
        try decodeJSON(RewardRequest.self, from: Data(bytes))
    }
}

/// Decodes `T` from JSON, mapping failures to `RewardError`s.
public func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data) throws(RewardError) -> T {
    do {
        return try JSONDecoder().decode(T.self, from: data)
    } catch let error as RewardError {
        throw error
    } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
        throw RewardError(code: "invalid_json", message: "the body is not valid JSON")
    } catch {
        throw RewardError(code: "invalid_json", message: "the body could not be read as JSON: \(error)")
    }
}
