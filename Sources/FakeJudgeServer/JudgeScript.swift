import Foundation

/// What the fake judge saw and still has to do; shared by the server's handlers and its owner.
public actor JudgeScript {
    /// Request bodies received so far, in order (empty when the script does not record them).
    public private(set) var bodies: [Data] = []
    /// The `Authorization` header of each call, "" when absent (empty when not recording).
    public private(set) var authorizations: [String] = []
    /// Calls received so far.
    public private(set) var calls = 0
    /// How calls are answered once the queue is empty.
    public private(set) var mode: FakeJudgeMode
    /// Content answered once the script is used up, for TRUE/FALSE kinds.
    public private(set) var defaultVerdict = "TRUE"
    /// Content answered once the script is used up, when the request asks for a JSON object.
    public private(set) var defaultJSON = #"{"is_judgment_correct": true, "requires_reasoning": true}"#
    /// Seconds every answer waits, so concurrent identical calls overlap.
    public private(set) var latency: Double
    /// Seconds a call waits in `stall` mode before answering.
    public private(set) var stallSeconds: Double = 10

    private let recordsBodies: Bool
    private var steps: [ScriptStep] = []
    /// Answers chosen by what the request body contains (a phrase of one prompt), before the defaults.
    private var rules: [(needle: String, text: String)] = []

    /// A script answering the defaults after `latency` seconds; `recordsBodies: false` keeps long runs flat in memory.
    public init(latency: Double = 0, mode: FakeJudgeMode = .ok, recordsBodies: Bool = true) {
        self.latency = latency
        self.mode = mode
        self.recordsBodies = recordsBodies
    }

    /// Queues steps answered, one per call, before anything else.
    public func enqueue(_ newSteps: ScriptStep...) { steps.append(contentsOf: newSteps) }
    /// Answers `text` to calls whose body contains `needle`, once the queue is empty.
    public func answer(_ text: String, whenBodyContains needle: String) { rules.append((needle, text)) }
    /// Sets the seconds every answer waits.
    public func setLatency(_ seconds: Double) { latency = seconds }
    /// Sets the seconds a call waits in `stall` mode.
    public func setStallSeconds(_ seconds: Double) { stallSeconds = seconds }
    /// Switches how calls are answered once the queue is empty.
    public func setMode(_ newMode: FakeJudgeMode) { mode = newMode }
    /// Replaces the default verdict, the default JSON object, or both.
    public func setDefaults(verdict: String? = nil, json: String? = nil) {
        if let verdict { defaultVerdict = verdict }
        if let json { defaultJSON = json }
    }

    /// The recorded request bodies decoded as JSON objects.
    public nonisolated func requests() async throws -> [[String: Any]] {
        try await bodies.map { body in
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw FakeJudgeError.notAJSONObject
            }
            return object
        }
    }

    /// Counts one call and decides its answer: the queue, then the mode, then the rules, then the defaults.
    func plan(body: Data, authorization: String?, asksJSON: Bool) -> FakeJudgePlan {
        calls += 1
        if recordsBodies {
            bodies.append(body)
            authorizations.append(authorization ?? "")
        }
        let fallback = asksJSON ? defaultJSON : defaultVerdict
        let step = steps.isEmpty ? mode.step(stallSeconds: stallSeconds) ?? rule(for: body) : steps.removeFirst()
        return FakeJudgePlan(latency: latency, step: step ?? .verdict(fallback), fallback: fallback)
    }

    private func rule(for body: Data) -> ScriptStep? {
        guard !rules.isEmpty else { return nil }
        let text = String(decoding: body, as: UTF8.self)
        return rules.first { text.contains($0.needle) }.map { .verdict($0.text) }
    }
}

/// One call's answer, decided when it arrives.
struct FakeJudgePlan: Sendable {
    var latency: Double
    var step: ScriptStep
    /// What a `.delay` step answers once it has waited.
    var fallback: String
}

/// A fake judge's request or recording could not be read.
public enum FakeJudgeError: Error, Sendable {
    /// A recorded request body is not a JSON object.
    case notAJSONObject
    /// The server stopped before it reported its port.
    case didNotStart
}
