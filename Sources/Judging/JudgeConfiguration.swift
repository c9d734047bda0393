import Foundation
import RewardCore

/// How to reach and drive an OpenAI-compatible chat-completions judge; parsed once at the edge.
public struct JudgeConfiguration: Sendable {
    /// Base URL up to and including the API version, e.g. `http://127.0.0.1:8080/v1`.
    public var baseURL: String
    /// The judge model name sent with every call; part of every cache key.
    public var model: String
    /// Name of the environment variable the API key was read from, for messages only.
    public var apiKeyEnvironmentVariable: String?
    /// The API key, resolved at the edge; sent as a bearer token and never logged.
    public var apiKey: String?
    /// Per-call timeout in seconds.
    public var timeoutSeconds: Double
    /// Most judge HTTP calls in flight at once.
    public var maxConcurrency: Int
    /// Retries after the first attempt on connection errors, timeouts, 429 and 5xx.
    public var maxRetries: Int
    /// Judge calls per verdict; above 1 the verdict is the majority and `agreement` its share.
    public var votes: Int
    /// Completion token limit per call; a verdict is a word or a small JSON object.
    public var maxTokens: Int
    /// Folder holding the five prompt files; nil uses the prompts compiled into the binary.
    public var promptsDirectory: String?
    /// Sampling temperature; 0 makes verdicts repeatable (raise it only with `votes` above 1).
    public var temperature: Double
    /// Ask for `response_format: json_object` on think-judge calls (servers that reject it: set false).
    public var jsonResponseFormat: Bool
    /// First backoff delay in seconds; doubles per retry, with jitter.
    public var retryBaseDelaySeconds: Double
    /// Longest backoff or `Retry-After` wait accepted; a longer `Retry-After` fails the call.
    public var maxRetryDelaySeconds: Double
    /// With a shared cache: how long a replica's claim on a verdict lasts unless renewed (it is renewed every
    /// third of this while the judge call runs), so a crashed replica's claim lapses after at most this long.
    public var claimLeaseSeconds: Double
    /// Judged components declared in configuration, each with its own prompt file.
    public var customComponents: [CustomComponent] = []
    /// Ask the think-judge twice, the second time with its two questions in the other order, and fail the
    /// verdict (`judge_inconsistent`) when the two answers disagree.
    public var thinkJudgeConsistencyCheck = false

    /// Creates a configuration; only the URL and the model have no default.
    public init(
        baseURL: String, model: String, apiKeyEnvironmentVariable: String? = nil, apiKey: String? = nil,
        timeoutSeconds: Double = 30, maxConcurrency: Int = 64, maxRetries: Int = 3, votes: Int = 1,
        maxTokens: Int = 64, promptsDirectory: String? = nil, temperature: Double = 0,
        jsonResponseFormat: Bool = true, retryBaseDelaySeconds: Double = 0.5, maxRetryDelaySeconds: Double = 30,
        claimLeaseSeconds: Double = 15
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
        self.maxConcurrency = maxConcurrency
        self.maxRetries = maxRetries
        self.votes = votes
        self.maxTokens = maxTokens
        self.promptsDirectory = promptsDirectory
        self.temperature = temperature
        self.jsonResponseFormat = jsonResponseFormat
        self.retryBaseDelaySeconds = retryBaseDelaySeconds
        self.maxRetryDelaySeconds = maxRetryDelaySeconds
        self.claimLeaseSeconds = claimLeaseSeconds
    }

    /// The configuration's problems, each naming the field; empty when usable.
    public func problems() -> [String] {
        var found: [String] = []
        if !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            found.append("judge base URL must start with http:// or https://, got '\(baseURL)'")
        }
        if model.trimmingCharacters(in: .whitespaces).isEmpty { found.append("judge model must not be empty") }
        if !(timeoutSeconds > 0) { found.append("judge timeout must be above 0 seconds") }
        if maxConcurrency < 1 { found.append("judge max concurrency must be at least 1") }
        if maxRetries < 0 { found.append("judge max retries must not be negative") }
        if votes < 1 { found.append("judge votes must be at least 1") }
        if maxTokens < 1 { found.append("judge max tokens must be at least 1") }
        if !(temperature >= 0) { found.append("judge temperature must not be negative") }
        if !(claimLeaseSeconds > 0) { found.append("judge claim lease must be above 0 seconds") }
        return found
    }

    /// Fills `apiKey` from the variable `apiKeyEnvironmentVariable` names; call once at the edge with
    /// the process environment. Throws `JudgeSetupError` naming the variable (never its value) when unset.
    public mutating func resolveAPIKey(from environment: [String: String]) throws {
        guard let name = apiKeyEnvironmentVariable, apiKey == nil else { return }
        guard let value = environment[name], !value.isEmpty else {
            throw JudgeSetupError(
                code: "bad_configuration", message: "the judge API key variable \(name) is unset or empty")
        }
        apiKey = value
    }

    /// The chat-completions endpoint.
    var endpoint: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/chat/completions"
    }
}
