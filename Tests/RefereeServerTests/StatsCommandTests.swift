import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Referee

@Suite("referee stats")
struct StatsCommandTests {
    @Test("CSV export quotes ids and carries every column; the command reads the statistics beside an SQLite cache")
    func csvAndCommand() async throws {
        var stats = PromptStatistics(id: #"say "hi", then"#)
        stats.update(accuracies: [1, 0], rewards: [1, 0.1], at: 5, policy: PromptStatisticsPolicy())
        let text = StatsCommand.csv([stats])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].split(separator: ",").count == 11)
        #expect(lines[1].hasPrefix(#""say ""hi"", then",2,1,2.0,2.0,0.5,0.25,"#))

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("referee-stats-cli-\(UUID()).sqlite").path
        let csv = path + ".csv"
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: csv) }
        let cache = try SQLiteVerdictCache(path: path)
        let store = try SQLitePromptStatistics(path: path)
        try await store.add(["q": PromptObservations(accuracies: [1], rewards: [1])], policy: PromptStatisticsPolicy(), now: 1)
        try store.close()
        try cache.close()
        var command = try StatsCommand.parse(["--cache", path, "--csv", csv])
        try await command.run()
        let written = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(written.contains(#""q",1,1,2.0,1.0"#))
    }
}

@Suite("referee rescore --update-stats")
struct RescoreUpdateStatsTests {
    @Test("every scored line adds to its prompt's statistics beside the cache; a finished run with --resume adds nothing twice")
    func buildsHistory() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referee-rescore-stats-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.jsonl").path
        let lines = (0..<30).map { index in
            let (id, answer) = index % 2 == 0 ? ("even", "7") : ("odd", index % 3 == 0 ? "7" : "8")
            return #"{"id": \#(index), "prompt_id": "\#(id)", "response": "<judge>direct</judge><think></think>\\boxed{\#(answer)}", "ground_truth": "7", "requires_reasoning": false}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let cache = folder.appendingPathComponent("cache.sqlite").path
        let arguments = [input, "-o", folder.appendingPathComponent("out.jsonl").path, "--update-stats", "--cache", cache, "--progress", "off"]
        var command = try RescoreCommand.parse(arguments)
        try await command.run()
        var again = try RescoreCommand.parse(arguments + ["--resume"])
        try await again.run()
        let store = try SQLitePromptStatistics(path: cache)
        let rows = try await store.load(["even", "odd"])
        try store.close()
        #expect(rows["even"]?.attempts == 15)
        #expect(rows["even"]?.successes == 15)
        // Odd lines 3, 9, 15, 21, 27 answer 7.
        #expect(rows["odd"]?.attempts == 15)
        #expect(rows["odd"]?.successes == 5)
    }
}
