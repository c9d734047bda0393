import Logging
import RewardCore
import Sandbox

/// Everything the service needs, parsed once at the edge and passed down.
public struct RefereeConfiguration: Sendable {
    /// Address to bind; loopback by default.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port = 8080
    /// Largest request body accepted, in bytes (413 beyond).
    public var maxBodyBytes = 32 * 1024 * 1024
    /// Most rollouts in one request (413 beyond).
    public var maxBatchSize = 16_384
    /// Seconds an idle keep-alive connection stays open.
    public var idleTimeoutSeconds = 60.0
    /// Server-wide scoring defaults; each request's `config` overrides them.
    public var scoring = RequestConfig()
    /// The reward OpenRLHF receives for an abstained rollout.
    public var fallbackReward = 0.0
    /// Seconds the numeric-reward routes (`/get_reward`, `/slime`, `/verify`) wait for a judge outage to end.
    public var judgeOutageWaitSeconds = 30.0
    /// What those routes answer when the judge is still down after the wait.
    public var judgeOutageReply = JudgeOutageReply.unavailable
    /// The verdict cache: an SQLite file path, or a `postgres://` URL for a cache shared by replicas.
    public var cachePath = "referee-cache.sqlite"
    /// The judge's OpenAI-compatible base URL; nil runs in rules mode.
    public var judgeURL: String?
    /// The judge model's name.
    public var judgeModel: String?
    /// The environment variable that holds the judge's API key.
    public var judgeAPIKeyVariable: String?
    /// The judge's API key, read from that variable at the edge; never logged.
    public var judgeAPIKey: String?
    /// Seconds per judge call before it counts as a timeout.
    public var judgeTimeoutSeconds = 30.0
    /// Judge calls in flight at once.
    public var judgeConcurrency = 64
    /// Votes per verdict (majority wins).
    public var judgeVotes = 1
    /// The judge's HTTP client.
    public var judgeTransport = JudgeTransportKind.asyncHTTPClient
    /// Judge tokens allowed per `judgeBudgetWindowSeconds`; 0 for no budget.
    public var judgeBudgetTokens = 0
    /// The length of the judge token budget's rolling window, in seconds.
    public var judgeBudgetWindowSeconds = 3600.0
    /// Characters of a verdict's raw text that `include: ["judge"]` and `GET /verdicts/{key}` return.
    public var judgeRawTextLimit = 2000
    /// Ask the think-judge twice, its two questions swapped the second time, and abstain when the answers disagree.
    public var judgeConsistencyCheck: Bool?
    /// Judged components declared in the `components_file`, usable by name in formulas.
    public var customComponents: [CustomComponent] = []
    /// Folder of the judge prompt files; nil uses the prompts compiled into the binary.
    public var promptsDirectory: String?
    /// Log level.
    public var logLevel = Logger.Level.info
    /// Bearer token every route but `/healthz` requires; nil leaves the service open.
    public var authToken: String?
    /// Largest prompt, response, ground truth or image in a rollout, in bytes (413 beyond).
    public var maxFieldBytes = 8 * 1024 * 1024
    /// Most rollouts waiting for or in judge work at once; past it requests get 503 with `Retry-After`.
    public var maxJudgeQueue = 4096
    /// Where `code` answers run; `none` makes them abstain (`no_sandbox`).
    public var sandbox = SandboxKind.none
    /// The SandboxFusion server's base URL, for `sandbox: sandboxfusion`.
    public var sandboxURL: String?
    /// The limits of each sandboxed run.
    public var sandboxLimits = SandboxLimits()
    /// Sandboxed runs at once; 0 means one per core.
    public var sandboxParallelRuns = 0
    /// Most `code` rollouts waiting for or in a sandbox run; past it requests get 503 with `Retry-After`.
    public var maxCodeQueue = 1024
    /// Seconds a new connection has to send its request head.
    public var headerTimeoutSeconds = 10.0
    /// Seconds a request has to finish sending its body once its head has arrived.
    public var bodyTimeoutSeconds = 60.0
    /// Seconds in-flight requests get to finish after SIGTERM or SIGINT before they are cancelled.
    public var shutdownTimeoutSeconds = 30.0

    /// The defaults: loopback, port 8080, rules mode.
    public init() {}
}

/// Which HTTP client carries judge calls.
public enum JudgeTransportKind: String, Sendable, CaseIterable {
    /// SwiftNIO's AsyncHTTPClient: the least CPU per call.
    case asyncHTTPClient = "asynchttpclient"
    /// Foundation's URLSession (libcurl on Linux).
    case urlSession = "urlsession"
}

/// Where `code` answers run.
public enum SandboxKind: String, Sendable, CaseIterable {
    /// Nowhere: `code` rollouts abstain with `no_sandbox`.
    case none
    /// In bubblewrap on this host (Debian's `bubblewrap` package).
    case bwrap
    /// On a SandboxFusion server (`sandbox_url`), for clusters that already run one.
    case sandboxfusion
}

/// What the numeric-reward routes answer when the judge is still down after `judge_outage_wait`.
public enum JudgeOutageReply: String, Sendable, CaseIterable {
    /// 503 with `Retry-After`: the trainer retries and, past its retries, stops instead of training on made-up rewards.
    case unavailable
    /// 200 with `fallback_reward` for the abstained rollouts (and `abstained` set): the run goes on.
    case fallback
}
