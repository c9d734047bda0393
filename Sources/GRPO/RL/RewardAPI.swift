/// One rollout as `POST /reward` takes it (REWARD_SPEC section 5).
public struct RewardRollout: Codable, Sendable, Equatable {
    /// Caller's id, echoed back.
    public var id: String
    /// The question.
    public var prompt: String
    /// The policy's text in the SAIL-RL layout.
    public var response: String
    /// Expected final answer.
    public var groundTruth: String
    /// Label for the judge component.
    public var requiresReasoning: Bool
    /// GRPO group (same prompt); nil outside training.
    public var group: String?

    /// A rollout.
    public init(id: String, prompt: String, response: String, groundTruth: String, requiresReasoning: Bool, group: String?) {
        self.id = id
        self.prompt = prompt
        self.response = response
        self.groundTruth = groundTruth
        self.requiresReasoning = requiresReasoning
        self.group = group
    }

    enum CodingKeys: String, CodingKey {
        case id, prompt, response, group
        case groundTruth = "ground_truth"
        case requiresReasoning = "requires_reasoning"
    }
}

/// Batch-level options; only the advantage mode is used by the trainer.
public struct RewardRequestConfig: Codable, Sendable, Equatable {
    /// `grpo` (normalised by the group std), `drgrpo` (mean-centred only) or `none`.
    public var advantage: String

    /// Options.
    public init(advantage: String) { self.advantage = advantage }
}

/// The body of a batch `POST /reward`.
public struct RewardRequest: Codable, Sendable, Equatable {
    /// Rollouts, answered in this order.
    public var rollouts: [RewardRollout]
    /// Batch options.
    public var config: RewardRequestConfig

    /// A batch.
    public init(rollouts: [RewardRollout], config: RewardRequestConfig) {
        self.rollouts = rollouts
        self.config = config
    }
}

/// Why a result has no reward.
public struct RewardResultError: Codable, Sendable, Equatable {
    /// Machine-readable code.
    public var code: String?
    /// Human-readable message.
    public var message: String?

    /// An error.
    public init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }
}

/// One scored rollout; fields the trainer does not use are ignored.
public struct RewardResult: Codable, Sendable, Equatable {
    /// Echoed id.
    public var id: String?
    /// Total reward, nil when the service abstained.
    public var reward: Double?
    /// Component scores by name (`format`, `answer`, `judge`, `think`, ...), nil when skipped.
    public var components: [String: Double?]
    /// `direct`, `think` or `unknown`.
    public var decision: String?
    /// Group-relative advantage, nil when abstained or not requested.
    public var advantage: Double?
    /// Why the reward is missing.
    public var error: RewardResultError?

    /// A result.
    public init(id: String?, reward: Double?, components: [String: Double?], decision: String?, advantage: Double?, error: RewardResultError? = nil) {
        self.id = id
        self.reward = reward
        self.components = components
        self.decision = decision
        self.advantage = advantage
        self.error = error
    }

    /// A component's value, nil when absent or skipped.
    public func component(_ name: String) -> Double? { components[name] ?? nil }

    enum CodingKeys: String, CodingKey { case id, reward, components, decision, advantage, error }

    /// Decodes tolerantly: a missing `components` is empty, a string `error` becomes its message.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        reward = try c.decodeIfPresent(Double.self, forKey: .reward)
        components = try c.decodeIfPresent([String: Double?].self, forKey: .components) ?? [:]
        decision = try c.decodeIfPresent(String.self, forKey: .decision)
        advantage = try c.decodeIfPresent(Double.self, forKey: .advantage)
        if let e = try? c.decodeIfPresent(RewardResultError.self, forKey: .error) {
            error = e
        } else if let s = try? c.decodeIfPresent(String.self, forKey: .error) {
            error = RewardResultError(code: nil, message: s)
        } else {
            error = nil
        }
    }
}

/// The answer to a batch `POST /reward`.
public struct RewardResponse: Codable, Sendable, Equatable {
    /// One result per rollout, in input order.
    public var results: [RewardResult]
    /// Summaries by group name.
    public var groups: [String: GroupSummary]

    /// A response.
    public init(results: [RewardResult], groups: [String: GroupSummary]) {
        self.results = results
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey { case results, groups }

    /// Decodes; a response without `groups` has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        results = try c.decode([RewardResult].self, forKey: .results)
        groups = try c.decodeIfPresent([String: GroupSummary].self, forKey: .groups) ?? [:]
    }
}

/// Anything that scores a batch of rollouts: the HTTP service, or an in-process stand-in.
public protocol RewardClient: Sendable {
    /// Scores `request`; throws `RewardClientError` on transport or protocol failure.
    func score(_ request: RewardRequest) async throws -> RewardResponse
}

/// A failed call to the reward service.
public struct RewardClientError: Error, Sendable, CustomStringConvertible {
    /// Whether trying again may help (connection errors, 429, 5xx).
    public var retryable: Bool
    /// What went wrong.
    public var message: String

    /// An error.
    public init(retryable: Bool, message: String) {
        self.retryable = retryable
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
