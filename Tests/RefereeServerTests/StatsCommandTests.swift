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
