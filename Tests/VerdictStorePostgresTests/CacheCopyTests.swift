import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import VerdictStorePostgres

/// Moving verdicts between SQLite and PostgreSQL keeps every row as it was, times included.
@Suite("Copying verdicts between caches", .enabled(if: PostgresServer.isAvailable, PostgresServer.why))
struct CacheCopyTests {
    static func rows(_ count: Int) -> [StoredVerdict] {
        (0..<count).map { index in
            StoredVerdict(
                key: String(format: "key-%05d", index),
                verdict: JudgeVerdict(
                    passed: index.isMultiple(of: 3), requiresReasoning: index.isMultiple(of: 2) ? nil : true,
                    agreement: 1, rawText: "verdict \(index) «ok»", model: "judge-\(index % 2)", promptTokens: index,
                    completionTokens: 1, latencyMs: Double(index) / 4, fromCache: true),
                createdAt: 1_700_000_000 + Double(index))
        }
    }

    static func allRows(_ cache: any ManagedVerdictCache) async throws -> [StoredVerdict] {
        var all: [StoredVerdict] = []
        while true {
            let page = try await cache.rows(after: all.last?.key, limit: 7)
            if page.isEmpty { return all }
            all += page
        }
    }

    @Test func sqliteToPostgresAndBackKeepsEveryRowAndCopiesOnlyWhatIsNew() async throws {
        let directory = FileManager.default.temporaryDirectory
        let source = try SQLiteVerdictCache(path: directory.appendingPathComponent("copy-from-\(UUID()).sqlite").path)
        let original = Self.rows(2_500)
        #expect(try await source.insert(original) == 2_500)
        #expect(try await source.insert(Array(original.prefix(10))) == 0, "a stored key keeps its verdict")

        try await PostgresServer.withCache { postgres, _ in
            let first = try await source.copy(into: postgres, pageSize: 250)
            #expect(first.read == 2_500 && first.inserted == 2_500)
            #expect(try await Self.allRows(postgres) == original)

            #expect(try await source.insert(Self.rows(2_600).suffix(100)) == 100)
            let second = try await source.copy(into: postgres, pageSize: 250)
            #expect(second.read == 2_600 && second.inserted == 100)

            let back = try SQLiteVerdictCache(path: directory.appendingPathComponent("copy-back-\(UUID()).sqlite").path)
            let returned = try await postgres.copy(into: back, pageSize: 333)
            #expect(returned.inserted == 2_600)
            #expect(try await Self.allRows(back) == Self.rows(2_600))
            #expect(try await back.stats() == postgres.stats())
            try back.close()
        }
        try source.close()
    }
}
