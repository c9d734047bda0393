import AnswerCheck

/// A rollout's identifier as the client sent it: a string or an integer, echoed back unchanged.
public enum RolloutID: Sendable, Hashable {
    /// A string id.
    case string(String)
    /// An integer id.
    case integer(Int)

    /// The id as text, for logs and joins.
    public var text: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        }
    }
}

/// One policy response to score, with what the scorer needs to know about its question.
public struct Rollout: Sendable, Hashable {
    /// The client's identifier, echoed in the result.
    public var id: RolloutID?
    /// The question the policy answered.
    public var prompt: String
    /// The policy's full response.
    public var response: String
    /// Acceptable reference answers; nil when the rollout has none.
    public var groundTruths: [String]?
    /// Which checker compares the answer.
    public var answerType: AnswerType
    /// Whether the question needs reasoning, when labelled.
    public var requiresReasoning: Bool?
    /// Images as `data:` URIs or URLs, for a vision judge.
    public var images: [String]
    /// The prompt's id for its statistics; nil uses a hash of `prompt`.
    public var promptID: String?
    /// The GRPO group the rollout belongs to.
    public var group: String?
    /// Relative tolerance for numeric answers, overriding the default.
    public var tolerance: Double?
    /// The knobs of the graded answer types (`answer_options`, `image_size`, `input_size`); nil when not given.
    public var answerOptions: AnswerOptions?
    /// Decimal places both sides of a numeric comparison are rounded to (`0.6667` = `\frac{2}{3}` at 4); nil rounds nothing.
    public var precision: Int?
    /// The response layout; nil takes the request's or the server's.
    public var layout: Layout?
    /// Where the answer is looked for; nil takes the request's or the server's.
    public var extraction: Extraction?
    /// The task name, which the server's `tasks` map turns into an answer type, options and layout.
    public var task: String?
    /// A graded answer below this scores 0 (`below_threshold`); nil keeps the graded value.
    public var answerThreshold: Double?
    /// The ground truth as compact JSON when it was not a plain string: what the graded types read.
    public var structuredGroundTruth: String?
    /// Text the prompt already ended with, prepended to the response before parsing.
    public var prefix: String?
    /// What reading the rollout noticed (unknown fields, control characters); copied into its result.
    public var warnings: [RewardWarning] = []

    /// Creates a rollout.
    public init(
        id: RolloutID? = nil, prompt: String = "", response: String, groundTruths: [String]? = nil,
        answerType: AnswerType = .auto, requiresReasoning: Bool? = nil, images: [String] = [],
        group: String? = nil, tolerance: Double? = nil, prefix: String? = nil
    ) {
        self.id = id
        self.prompt = prompt
        self.response = response
        self.groundTruths = groundTruths
        self.answerType = answerType
        self.requiresReasoning = requiresReasoning
        self.images = images
        self.group = group
        self.tolerance = tolerance
        self.prefix = prefix
    }
}
