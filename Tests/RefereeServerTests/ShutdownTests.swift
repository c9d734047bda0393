import Foundation
import GRDB
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `referee serve` as a real process against a fake judge: graceful shutdown and a cache that survives kill -9.
@Suite("Shutdown and crash safety of referee serve", .serialized)
struct ShutdownTests {
    static func thinkRollout(_ index: Int) -> String {
        #"{"id": \#(index), "prompt": "q\#(index)", "response": "<judge>think</judge><think>step \#(index)</think>\\boxed{7}", "ground_truth": "7", "requires_reasoning": true}"#
    }

    static func integrity(of path: String) throws -> (check: String, verdicts: Int) {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            let check = try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "none"
            let table = try String.fetchOne(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%'") ?? "verdicts"
            return (check, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0)
        }
    }

    @Test("SIGTERM during a batch: the batch's results come back, the process exits 0, the cache is intact")
    func sigtermDuringBatch() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("referee-shutdown-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cache = directory.appendingPathComponent("cache.sqlite").path
        let (judge, referee, port) = try await LocalService.start(judgeLatency: 0.5, cache: cache)
        let batch = #"{"rollouts": [\#((0..<8).map(Self.thinkRollout).joined(separator: ","))]}"#
        async let response = LocalService.post(batch, port: port)
        // SIGTERM only once the batch is in flight: its judge calls have reached the judge.
        for _ in 0..<400 {
            if await judge.script.calls > 0 { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        let status = try await referee.stop(SIGTERM)
        let (code, body) = try await response
        #expect(code == 200)
        let results = try #require(body["results"] as? [[String: Any]])
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0["reward"] as? Double == 1 })
        #expect(status == 0, "\(referee.printed)")
        let (check, verdicts) = try Self.integrity(of: cache)
        #expect(check == "ok")
        #expect(verdicts == 24)
        await judge.shutdown()
    }

    @Test("kill -9 while verdicts are being written leaves a cache that passes integrity_check and opens again")
    func killNineMidWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("referee-crash-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cache = directory.appendingPathComponent("cache.sqlite").path
        let (judge, referee, port) = try await LocalService.start(judgeLatency: 0, cache: cache)
        // Batches of new rollouts until the server dies; no cancellation, which FoundationNetworking mishandles.
        let done = Atomic<Int>(0)
        let writer = Task {
            for round in 0..<10_000 {
                let batch = #"{"rollouts": [\#((0..<32).map { Self.thinkRollout(round * 32 + $0) }.joined(separator: ","))]}"#
                guard (try? await LocalService.post(batch, port: port)) != nil else { return round }
                done.add(1, ordering: .relaxed)
            }
            return -1
        }
        // Kill once a batch has been stored and the next is being written, however slow the machine is.
        for _ in 0..<600 where done.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .milliseconds(300))
        _ = try await referee.stop(SIGKILL)
        #expect(await writer.value > 0)
        let (check, verdicts) = try Self.integrity(of: cache)
        #expect(check == "ok")
        #expect(verdicts > 0)
        // The same file serves again.
        let again = try ChildProcess("referee", ["serve", "--port", "0", "--cache", cache, "--judge-url", "http://127.0.0.1:1/v1", "--judge-model", "fake"])
        _ = try await again.port(after: "referee listening")
        #expect(try await again.stop() == 0)
        await judge.shutdown()
    }
}
