import Foundation
import Hummingbird
import Logging

/// One scripted answer from the fake judge.
enum ScriptStep: Sendable {
    /// A chat completion whose message content is `text`.
    case verdict(String)
    /// An empty answer with this HTTP status.
    case status(Int)
    /// 429 with the given `Retry-After` header value.
    case rateLimited(retryAfter: String)
    /// Waits this many seconds, then answers the default verdict (longer than the client's timeout: a timeout).
    case delay(Double)
    /// A 200 whose body is exactly `body` (garbage, truncated JSON).
    case rawBody(String)
}

/// What the fake judge saw and still has to do; shared by the server's handler and the test.
actor JudgeScript {
    private(set) var bodies: [Data] = []
    private(set) var authorizations: [String] = []
    private var steps: [ScriptStep] = []
    /// Content answered once the script is used up, for TRUE/FALSE kinds.
    var defaultVerdict = "TRUE"
    /// Content answered once the script is used up, when the request asks for a JSON object.
    var defaultJSON = #"{"is_judgment_correct": true, "requires_reasoning": true}"#
    /// Seconds every answer waits, so concurrent identical calls overlap.
    var latency: Double = 0

    /// Answers chosen by what the request body contains (a phrase of one prompt), before the defaults.
    private var rules: [(needle: String, text: String)] = []

    func enqueue(_ newSteps: ScriptStep...) { steps.append(contentsOf: newSteps) }
    func answer(_ text: String, whenBodyContains needle: String) { rules.append((needle, text)) }
    func setLatency(_ seconds: Double) { latency = seconds }
    func setDefaults(verdict: String? = nil, json: String? = nil) {
        if let verdict { defaultVerdict = verdict }
        if let json { defaultJSON = json }
    }

    /// Calls received so far.
    var calls: Int { bodies.count }

    /// The request bodies decoded as JSON objects.
    nonisolated func requests() async throws -> [[String: Any]] {
        try await bodies.map { try #require(JSONSerialization.jsonObject(with: $0) as? [String: Any]) }
    }

    fileprivate func record(body: Data, authorization: String?) -> ScriptStep? {
        bodies.append(body)
        authorizations.append(authorization ?? "")
        if !steps.isEmpty { return steps.removeFirst() }
        let text = String(decoding: body, as: UTF8.self)
        return rules.first { text.contains($0.needle) }.map { .verdict($0.text) }
    }
}

import Testing

/// A real chat-completions server on 127.0.0.1, port 0, answering from a `JudgeScript`.
enum ScriptedJudge {
    /// Runs `body` with the base URL (`http://127.0.0.1:PORT/v1`) of a judge answering from `script`.
    static func run<T: Sendable>(
        _ script: JudgeScript, _ body: @Sendable (String) async throws -> T
    ) async throws -> T {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 16 << 20)
            let data = Data(buffer.readableBytesView)
            let step = await script.record(body: data, authorization: request.headers[.authorization])
            let asksJSON = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["response_format"] != nil
            let fallback = asksJSON ? await script.defaultJSON : await script.defaultVerdict
            let latency = await script.latency
            if latency > 0 { try await Task.sleep(nanoseconds: UInt64(latency * 1e9)) }
            switch step {
            case nil: return completion(fallback)
            case .verdict(let text): return completion(text)
            case .status(let code): return Response(status: .init(code: code))
            case .rateLimited(let after):
                return Response(status: .tooManyRequests, headers: [.retryAfter: after])
            case .delay(let seconds):
                try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return completion(fallback)
            case .rawBody(let raw):
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: raw)))
            }
        }
        var logger = Logger(label: "scripted-judge")
        // Cancelling the server with client connections still open logs an error that means nothing here.
        logger.logLevel = .critical
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            }, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let result = try await body("http://127.0.0.1:\(port)/v1")
            group.cancelAll()
            return result
        }
    }

    static func completion(_ content: String) -> Response {
        let object: [String: Any] = [
            "id": "scripted", "object": "chat.completion", "model": "scripted-judge",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 100, "completion_tokens": 1, "total_tokens": 101],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
