import FakeJudgeServer
import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import HummingbirdTesting
import RefereeServer
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The judge dies, comes back, rate-limits and stalls under a running service.
@Suite("Judge faults under a running service", .serialized)
struct FaultTests {
    static func batch(_ tag: String) -> String {
        let rollouts = (0..<4).map { index in
            #"{"id": "\#(tag)-\#(index)", "prompt": "\#(tag) \#(index)", "response": "<judge>think</judge><think>\#(tag) step \#(index)</think>\\boxed{7}", "ground_truth": "7", "requires_reasoning": true}"#
        }
        return #"{"rollouts": [\#(rollouts.joined(separator: ","))]}"#
    }

    static func setMode(_ mode: String, judgePort: Int) async throws {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(judgePort)/control")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"mode": "\#(mode)"}"#.utf8)
        _ = try await URLSession.shared.data(for: request)
    }

    static func residentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
    }

    @Test("abstain during outages, 429s and stalls (never a 0), recover after, memory stays bounded")
    func outagesAbstainAndRecover() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("referee-faults-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let judge = NIOLockedValueBox(try await FakeJudgeServer.start(JudgeScript(latency: 0.02)))
        let judgePort = judge.withLockedValue { $0.port }
        var configuration = RefereeConfiguration()
        configuration.judgeURL = "http://127.0.0.1:\(judgePort)/v1"
        configuration.judgeModel = "fake"
        // Long enough that a healthy judge is never timed out when the whole suite loads the machine (a 1 s
        // timeout once failed all four attempts of a call right after the restart); the stall phase pays it.
        configuration.judgeTimeoutSeconds = 3
        configuration.cachePath = directory.appendingPathComponent("cache.sqlite").path
        configuration.promptsDirectory = ChildProcess.repository.appendingPathComponent("Prompts").path
        let startMegabytes = Self.residentMegabytes()

        try await withReferee(configuration) { client in
            func score(_ tag: String) async throws -> [[String: Any]] {
                let (status, body) = try await client.post("/reward", json: Self.batch(tag))
                #expect(status == .ok, "\(tag)")
                return try #require(body["results"] as? [[String: Any]])
            }
            func expectAbstained(_ results: [[String: Any]], code: String) {
                for result in results {
                    #expect(result["reward"] is NSNull, "a judge failure must never be scored")
                    #expect((result["error"] as? [String: Any])?["code"] as? String == code)
                }
            }
            func expectScored(_ results: [[String: Any]]) {
                #expect(results.allSatisfy { $0["reward"] as? Double == 1 })
            }

            expectScored(try await score("before"))

            await judge.withLockedValue { $0 }.shutdown()
            expectAbstained(try await score("outage"), code: "judge_unreachable")

            let restarted = try await FakeJudgeServer.start(JudgeScript(latency: 0.02), port: judgePort)
            judge.withLockedValue { $0 = restarted }
            let recovered = try await score("outage")
            expectScored(recovered)
            // Nothing from the outage was cached: every verdict was asked again.
            #expect(recovered.allSatisfy { ($0["cache"] as? [String: Int])?["hits"] == 0 })

            try await Self.setMode("rate_limited", judgePort: judgePort)
            expectAbstained(try await score("limited"), code: "judge_rate_limited")
            try await Self.setMode("stall", judgePort: judgePort)
            expectAbstained(try await score("stalled"), code: "judge_timeout")
            try await Self.setMode("ok", judgePort: judgePort)
            expectScored(try await score("limited"))
            expectScored(try await score("stalled"))
            let again = try await score("before")
            #expect(again.allSatisfy { ($0["cache"] as? [String: Int])?["hits"] == 3 })
        }
        let grownMegabytes = Self.residentMegabytes() - startMegabytes
        print("fault test: resident memory grew by \(grownMegabytes) MB")
        #expect(grownMegabytes < 200)
        await judge.withLockedValue { $0 }.shutdown()
    }
}
