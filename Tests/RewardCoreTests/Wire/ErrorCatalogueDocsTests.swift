import Foundation
import Testing

@testable import RewardCore

/// docs/api.md lists every error and warning code: a code added in the source without a line there fails here.
@Suite("docs/api.md lists every error and warning code")
struct ErrorCatalogueDocsTests {
    static let apiPage = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/api.md")

    /// The backticked first-column codes of the table under `heading`.
    static func codes(under heading: String) throws -> Set<String> {
        let text = try String(contentsOf: apiPage, encoding: .utf8)
        guard let start = text.range(of: "\n\(heading)\n") else { return [] }
        var codes: Set<String> = []
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(3)
            if let end = cell.firstIndex(of: "`") { codes.insert(String(cell[..<end])) }
        }
        return codes
    }

    @Test func everyErrorCodeHasARow() throws {
        let documented = try Self.codes(under: "## Error codes")
        let missing = ErrorCode.allCases.map(\.rawValue).filter { !documented.contains($0) }
        #expect(missing.isEmpty, "missing from docs/api.md's Error codes table: \(missing)")
        let stale = documented.subtracting(ErrorCode.allCases.map(\.rawValue))
        #expect(stale.isEmpty, "docs/api.md lists codes the source does not have: \(stale.sorted())")
    }

    @Test func everyWarningCodeHasARow() throws {
        let documented = try Self.codes(under: "## Warning codes")
        let missing = WarningCode.allCases.map(\.rawValue).filter { !documented.contains($0) }
        #expect(missing.isEmpty, "missing from docs/api.md's Warning codes table: \(missing)")
    }
}
