import AnswerCheck
import Foundation
import Testing

@testable import RewardCore

@Suite("Reason, error and warning catalogues: one list each, every code in docs/api.md")
struct CatalogueTests {
    /// docs/api.md, found from this file's path so the test runs from any folder.
    static let apiPage = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/api.md")

    @Test("components walk in the spec's order, the order they are declared in")
    func componentOrder() {
        #expect(ComponentName.inSpecOrder == ComponentName.allCases)
        #expect(ComponentName.specOrderCount == ComponentName.allCases.count)
        let map: ComponentMap<Int> = [.consistency: 7, .format: 1, .think: 4]
        #expect(map.map(\.key) == [.format, .think, .consistency] && map.map(\.value) == [1, 4, 7])
    }

    @Test(
        "each catalogue matches its table in docs/api.md",
        arguments: [
            ("Format reasons", FormatReason.allCases.map(\.rawValue)),
            ("Answer reasons", AnswerReason.allCases.map(\.rawValue)),
            ("Judgment reasons", JudgmentReason.allCases.map(\.rawValue)),
            ("Skip reasons", SkipReason.allCases.map(\.rawValue)),
            ("Error codes", ErrorCode.allCases.map(\.rawValue)),
            ("Warning codes", WarningCode.allCases.map(\.rawValue)),
        ])
    func documented(heading: String, codes: [String]) throws {
        let table = try MarkdownTable(heading: heading, in: String(contentsOf: Self.apiPage, encoding: .utf8))
        let documented = table.rows.compactMap { MarkdownTable.code(in: $0.first ?? "") }
        for code in codes where !documented.contains(code) {
            Issue.record("`\(code)` is missing from docs/api.md's \"## \(heading)\" table")
        }
        for code in documented where !codes.contains(code) {
            Issue.record("docs/api.md's \"## \(heading)\" table lists `\(code)`, which the code no longer has")
        }
    }

    @Test("the skip reasons table says which count as 1")
    func skipReasonsCountingAsOne() throws {
        let table = try MarkdownTable(heading: "Skip reasons", in: String(contentsOf: Self.apiPage, encoding: .utf8))
        let column = try #require(table.header.firstIndex { $0.lowercased().contains("counts as 1") })
        for row in table.rows {
            let reason = try #require(MarkdownTable.code(in: row[0]).flatMap(SkipReason.init(rawValue:)))
            #expect((row[column].lowercased() == "yes") == reason.countsAsOne, "\(reason.rawValue)")
        }
    }
}

/// The table under one `## ` heading of a Markdown page: header cells and body rows.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]]

    init(heading: String, in page: String) throws {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "## " + heading }) else {
            throw DocsError(message: "no \"## \(heading)\" heading")
        }
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") }
        let cells = section.filter { $0.hasPrefix("|") }.map(Self.cells)
        guard cells.count >= 2 else { throw DocsError(message: "no table under \"## \(heading)\"") }
        header = cells[0]
        rows = Array(cells.dropFirst(2))
    }

    static func cells(_ line: String) -> [String] {
        line.trimmingCharacters(in: .whitespaces).dropFirst().dropLast()
            .split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The text of a cell that is exactly one backticked code.
    static func code(in cell: String) -> String? {
        guard cell.count > 2, cell.hasPrefix("`"), cell.hasSuffix("`") else { return nil }
        return String(cell.dropFirst().dropLast())
    }
}

struct DocsError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
