/// A cap on the judge tokens spent: per rolling window (the server's) or in total (one request's).
/// Checked when a rollout's judge work begins and charged after each call (see `JudgeBudgets`).
public actor JudgeTokenBudget {
    /// Tokens allowed within the window (or in total without one).
    public let limit: Int
    /// The window's length in nanoseconds of the engine's clock; nil for a budget that never refills.
    public let windowNanoseconds: UInt64?
    /// Charges still inside the window, oldest first; `head` is the first live one.
    private var charges: [(at: UInt64, tokens: Int)] = []
    private var head = 0
    private var spent = 0

    /// A budget of `limit` tokens per `windowSeconds`, or in total when `windowSeconds` is nil.
    public init(limit: Int, windowSeconds: Double? = nil) {
        self.limit = max(0, limit)
        self.windowNanoseconds = windowSeconds.map { UInt64(max(0, $0) * 1_000_000_000) }
    }

    /// Whether a judge call may start at `now` (nanoseconds of the engine's clock).
    public func hasRoom(at now: UInt64) -> Bool {
        expire(before: now)
        return spent < limit
    }

    /// Tokens spent within the window ending at `now`.
    public func used(at now: UInt64) -> Int {
        expire(before: now)
        return spent
    }

    /// Charges the tokens of one judge call made at `now`.
    public func charge(_ tokens: Int, at now: UInt64) {
        guard tokens > 0 else { return }
        spent += tokens
        if windowNanoseconds != nil { charges.append((now, tokens)) }
    }

    private func expire(before now: UInt64) {
        guard let window = windowNanoseconds else { return }
        while head < charges.count, now &- charges[head].at >= window, now >= charges[head].at {
            spent -= charges[head].tokens
            head += 1
        }
        // Drop the expired prefix now and then, so a long-running server's list stays as long as one window.
        if head > 1024, head * 2 > charges.count {
            charges.removeFirst(head)
            head = 0
        }
    }
}

/// The budgets one rollout's judge calls count against, with the clock they are measured by. Whether they
/// are spent is decided once, when the rollout's judge work begins, so calls in flight (up to one
/// rollout's worth per rollout being scored) may overshoot a budget.
struct JudgeBudgets: Sendable {
    /// The server's rolling-window budget.
    var window: JudgeTokenBudget?
    /// The request's own budget (`config.max_judge_tokens`).
    var request: JudgeTokenBudget?
    /// The engine's monotonic clock in nanoseconds.
    var now: @Sendable () -> UInt64
    /// Why a budget was spent when the rollout's judge work began; its verdicts then come from the cache only.
    var spent: String?

    /// No budget.
    static let none = JudgeBudgets(window: nil, request: nil, now: { 0 })

    /// Which budget is spent, if any: the request's is named first.
    func exhausted() async -> String? {
        let time = now()
        if let request, await !request.hasRoom(at: time) {
            return "this request's judge token budget (config.max_judge_tokens \(request.limit)) is spent"
        }
        if let window, await !window.hasRoom(at: time) {
            let seconds = Double(window.windowNanoseconds ?? 0) / 1_000_000_000
            return "the server's judge token budget (judge_budget_tokens \(window.limit) per \(seconds.formatted) s) is spent; it refills as the window moves"
        }
        return nil
    }

    /// Charges a judge call's tokens to every budget.
    func charge(_ tokens: Int) async {
        guard tokens > 0 else { return }
        let time = now()
        await request?.charge(tokens, at: time)
        await window?.charge(tokens, at: time)
    }
}

extension Double {
    /// `60` rather than `60.0`.
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
