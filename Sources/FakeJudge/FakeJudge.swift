import ArgumentParser
import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// `fake-judge`: an OpenAI-compatible chat-completions server with scripted behaviour, for load and fault tests.
/// It answers TRUE (or the think-judge's JSON) after `--latency` seconds; `POST /control {"mode": "..."}` switches
/// to `ok`, `rate_limited` (429 with Retry-After), `error` (500), `stall` (answers after 10 s) or `garbage`.
@main
struct FakeJudge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fake-judge", abstract: "A scripted chat-completions judge for tests.")

    @Option(help: "Port on 127.0.0.1 (0 picks one; the chosen port is printed).") var port = 0
    @Option(help: "Seconds before each answer.") var latency = 0.0
    @Option(help: "Starting mode: ok, rate_limited, error, stall, garbage.") var mode = "ok"

    func run() async throws {
        let state = NIOLockedValueBox((mode: mode, calls: 0))
        let latency = self.latency
        let router = Router()
        router.post("control") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 4096)
            let control = try JSONDecoder().decode([String: String].self, from: Data(body.readableBytesView))
            if let mode = control["mode"] { state.withLockedValue { $0.mode = mode } }
            return Response(status: .ok)
        }
        router.get("stats") { _, _ in
            let calls = state.withLockedValue { $0.calls }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"calls":\#(calls)}"#)))
        }
        router.post("v1/chat/completions") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            let mode = state.withLockedValue { value -> String in
                value.calls += 1
                return value.mode
            }
            if latency > 0 { try await Task.sleep(for: .milliseconds(Int(latency * 1000))) }
            switch mode {
            case "rate_limited": return Response(status: .tooManyRequests, headers: [.retryAfter: "1"])
            case "error": return Response(status: .internalServerError)
            case "stall": try await Task.sleep(for: .seconds(10))
            case "garbage": return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "{\"choices\": [")))
            default: break
            }
            let isThinkJudge = String(buffer: body).contains("is_judgment_correct")
            let content = isThinkJudge ? #"{\"is_judgment_correct\": true, \"requires_reasoning\": true}"# : "TRUE"
            let json = #"{"id":"fake","object":"chat.completion","model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"\#(content)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":1,"total_tokens":101}}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "fake-judge"),
            onServerRunning: { channel in
                FileHandle.standardOutput.write(Data("fake-judge listening on port \(channel.localAddress?.port ?? 0)\n".utf8))
            })
        try await app.runService()
    }
}
