import FakeJudgeServer
import Foundation

/// The fake judge answering TRUE after a fixed latency, in a child process: the ideal judge.
enum ScriptedServer {
    /// Serves on 127.0.0.1 port 0 and prints the port on the first line of standard output.
    static func serve(latency: Double) async throws {
        let script = JudgeScript(latency: latency, recordsBodies: false)
        let app = FakeJudgeServer.application(script: script, backlog: 1024, logger: quietLogger()) { port in
            // Written straight to the pipe: print's buffer would hold the port back from the parent.
            FileHandle.standardOutput.write(Data("\(port)\n".utf8))
        }
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
