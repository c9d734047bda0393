import Foundation
import Testing

@Suite("referee serve needs no files beside it")
struct AnyFolderTests {
    @Test("with a judge and no --prompts-dir, it starts from a folder that has no Prompts/")
    func servesWithEmbeddedPrompts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referee-any-folder-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let referee = try ChildProcess("referee", [
            "serve", "--port", "0", "--cache", folder.appendingPathComponent("cache.sqlite").path,
            "--judge-url", "http://127.0.0.1:9/v1", "--judge-model", "m",
        ], in: folder)
        _ = try await referee.port(after: "referee listening")
        #expect(try await referee.stop() == 0)
    }
}
