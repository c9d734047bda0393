import Foundation
import RewardCore
import Testing

@testable import Judging

/// The prompts compiled into the binary are the repository's `Prompts/*.txt`, byte for byte.
@Suite struct EmbeddedPromptsTests {
    @Test func embeddedPromptsMatchThePromptsFolder() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryPrompts).filter { $0.hasSuffix(".txt") }
        #expect(Set(names) == Set(EmbeddedPrompts.files.keys), "run scripts/embed-prompts.sh")
        for name in names {
            let file = try Data(contentsOf: URL(fileURLWithPath: Fixtures.repositoryPrompts).appendingPathComponent(name))
            #expect(Data((EmbeddedPrompts.files[name] ?? "").utf8) == file, "\(name) differs: run scripts/embed-prompts.sh")
        }
    }

    @Test func embeddedAndFolderPromptsGiveTheSameCacheKeys() throws {
        let embedded = try PromptLibrary(directory: nil)
        let folder = try PromptLibrary(directory: Fixtures.repositoryPrompts)
        for kind in VerdictKind.builtIn {
            #expect(embedded[kind].contentHash == folder[kind].contentHash, "\(kind)")
        }
    }

    @Test func aJudgeWithoutAPromptsFolderUsesTheEmbeddedPrompts() throws {
        var configuration = Fixtures.configuration("http://127.0.0.1:9/v1")
        configuration.promptsDirectory = nil
        _ = try Fixtures.judge(configuration)
    }
}
