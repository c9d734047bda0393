import Foundation
import Hummingbird

/// The fake judge's routes: chat completions answered from a `JudgeScript`, `/control` and `/stats`.
enum FakeJudgeRoutes {
    static func router(_ script: JudgeScript) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 16 << 20)
            let body = Data(buffer.readableBytesView)
            let plan = await script.plan(
                body: body, authorization: request.headers[.authorization], asksJSON: asksJSON(body))
            if plan.latency > 0 { try await Task.sleep(for: .seconds(plan.latency)) }
            return try await response(plan.step, fallback: plan.fallback)
        }
        router.post("/control") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 4096)
            let control = try? JSONDecoder().decode([String: String].self, from: Data(buffer.readableBytesView))
            guard let name = control?["mode"], let mode = FakeJudgeMode(rawValue: name) else {
                let modes = FakeJudgeMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw HTTPError(.badRequest, message: #"expected {"mode": "..."} with one of: \#(modes)"#)
            }
            await script.setMode(mode)
            return Response(status: .ok)
        }
        router.get("/stats") { _, _ -> Response in
            json(#"{"calls":\#(await script.calls)}"#)
        }
        return router
    }

    /// Whether the call wants a JSON object back: it asks with `response_format`, or it is the think-judge's prompt.
    static func asksJSON(_ body: Data) -> Bool {
        if body.range(of: Data("is_judgment_correct".utf8)) != nil { return true }
        // Parsed only when the key may be there: a benchmark's judge answers thousands of calls a second.
        guard body.range(of: Data(#""response_format""#.utf8)) != nil else { return false }
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        return object?["response_format"] != nil
    }

    static func response(_ step: ScriptStep, fallback: String) async throws -> Response {
        switch step {
        case .verdict(let text): return completion(text)
        case .status(let code): return Response(status: .init(code: code))
        case .rateLimited(let after): return Response(status: .tooManyRequests, headers: [.retryAfter: after])
        case .delay(let seconds):
            try await Task.sleep(for: .seconds(seconds))
            return completion(fallback)
        case .rawBody(let raw): return json(raw)
        }
    }

    /// A chat completion whose one choice says `content`.
    static func completion(_ content: String) -> Response {
        let object: [String: Any] = [
            "id": "fake-judge", "object": "chat.completion", "model": "fake-judge",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 100, "completion_tokens": 1, "total_tokens": 101],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func json(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
