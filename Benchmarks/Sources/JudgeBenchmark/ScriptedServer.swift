import Foundation
import Hummingbird
import Logging

/// A chat-completions server that answers TRUE after a fixed latency: the ideal judge.
enum ScriptedServer {
    static let answer = #"{"id":"b","object":"chat.completion","model":"scripted","choices":[{"index":0,"message":{"role":"assistant","content":"TRUE"},"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":1,"total_tokens":101}}"#

    /// Serves on 127.0.0.1 port 0 and prints the port on the first line of standard output.
    static func serve(latency: Double) async throws {
        let router = Router()
        router.post("/v1/chat/completions") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            try await Task.sleep(nanoseconds: UInt64(latency * 1e9))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        var logger = Logger(label: "scripted-judge")
        logger.logLevel = .error
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), backlog: 1024),
            onServerRunning: { channel in
                // Written straight to the pipe: print's buffer would hold the port back from the parent.
                FileHandle.standardOutput.write(Data("\(channel.localAddress?.port ?? 0)\n".utf8))
            }, logger: logger)
        try await app.runService()
    }

    /// Starts this executable again as the scripted server and reads its port.
    static func spawn() throws -> (process: Process, port: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["serve-scripted"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)), port > 0 else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        return (process, port)
    }
}
