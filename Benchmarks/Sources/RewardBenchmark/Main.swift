import Dispatch
import Foundation
import RefereeServer
import RewardCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Rule-only scoring throughput in process and over HTTP on loopback; prints figures, gates on nothing.
@main
struct RewardBenchmarkMain {
    static func main() async throws {
        let arguments = CommandLine.arguments
        // `RewardBenchmark [rounds] [breakdown|fixed|http]`: `http` skips the in-process part (for a profiler).
        let rounds = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
        print("Referee rule-only benchmark (2 KB responses, numeric answers); \(ProcessInfo.processInfo.activeProcessorCount) cores")
        if arguments.contains("breakdown") { Breakdown.run(); return }
        if arguments.contains("fixed") { FixedWork.run(); return }
        if !arguments.contains("http") { inProcess() }
        try await overHTTP(rounds: rounds)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func inProcess() {
        let engine = RewardEngine()
        let options = ScoringOptions()
        let rollouts = (0..<1024).map(Workload.rollout)
        var checksum = 0.0
        for rollout in rollouts { checksum += engine.scoreWithRules(rollout, options: options).reward ?? 0 }
        let count = 200_000
        let start = now()
        for index in 0..<count { checksum += engine.scoreWithRules(rollouts[index & 1023], options: options).reward ?? 0 }
        let seconds = Double(now() - start) / 1e9
        let parseStart = now()
        let parser = ResponseParser()
        var boxes = 0
        for index in 0..<count { boxes += parser.parse(rollouts[index & 1023].response).boxes.count }
        let parseSeconds = Double(now() - parseStart) / 1e9
        print(String(format: "in-process, one core: %.0f rollouts/s scored (target >= 100000: %.2fx); parsing alone %.0f/s (scoring costs %.2fx parsing) [checksum %.1f %d]",
                     Double(count) / seconds, Double(count) / seconds / 100_000, Double(count) / parseSeconds, seconds / parseSeconds, checksum, boxes))

        let body = Workload.batchBody(count: 256)
        let batches = 200
        func pipeline(_ read: ([UInt8]) -> [Rollout]) -> Double {
            let start = now()
            for _ in 0..<batches {
                var results = read(body).map { engine.scoreWithRules($0, options: options) }
                let groups = GroupStatistics.apply(to: &results, mode: .grpo)
                checksum += Double(BatchResult(results: results, groups: groups).jsonBytes().count)
            }
            return Double(now() - start) / 1e9
        }
        let wire = pipeline { body in (try! Wire.readRewardRequest(body)).items.compactMap { try? $0.rollout.get() } }
        let baseline = pipeline(FoundationBaseline.decode)
        let rate = Double(batches * 256) / wire
        print(String(format: "in-process with JSON decode and encode: %.0f rollouts/s (%.2f ms per 256-rollout batch of %d KB); "
            + "JSONDecoder baseline %.0f rollouts/s: %.2fx (target >= 2.5x); JSON share of the per-rollout cost %.0f%% (target <= 50%%)",
            rate, wire / Double(batches) * 1000, body.count / 1024, Double(batches * 256) / baseline, baseline / wire,
            100 * max(0, 1 - (seconds / Double(count)) / (wire / Double(batches * 256)))))
    }

    static func overHTTP(rounds: Int) async throws {
        var configuration = RefereeConfiguration()
        configuration.port = 0
        configuration.logLevel = .warning
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(configuration, dependencies: .init(onServerRunning: { portContinuation.yield($0) }))
        let server = Task { try await app.runService() }
        var ports = portStream.makeAsyncIterator()
        guard let port = await ports.next() else { return }

        let sessionConfiguration = URLSessionConfiguration.default
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpMaximumConnectionsPerHost = 4
        let session = URLSession(configuration: sessionConfiguration)
        let body = Data(Workload.batchBody(count: 256))
        var batchRequest = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/reward")!)
        batchRequest.httpMethod = "POST"
        batchRequest.httpBody = body
        batchRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let healthRequest = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/healthz")!)

        func timeRequests(_ request: URLRequest, count: Int) async throws -> [Double] {
            var times: [Double] = []
            for _ in 0..<count {
                let start = now()
                let (data, response) = try await session.data(for: request)
                guard (response as? HTTPURLResponse)?.statusCode == 200, !data.isEmpty else { throw URLError(.badServerResponse) }
                times.append(Double(now() - start) / 1e6)
            }
            return times.sorted()
        }
        _ = try await timeRequests(batchRequest, count: 20)
        let batch = try await timeRequests(batchRequest, count: rounds)
        _ = try await timeRequests(healthRequest, count: 20)
        let health = try await timeRequests(healthRequest, count: rounds)
        func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
        print(String(format: "HTTP loopback, 256-rollout batch (%d KB): median %.2f ms (target <= 10 ms), p99 %.2f ms, %.0f rollouts/s sequential",
                     body.count / 1024, percentile(batch, 0.5), percentile(batch, 0.99), 256 / percentile(batch, 0.5) * 1000))
        print(String(format: "HTTP loopback, GET /healthz baseline: median %.3f ms; a batch costs %.1fx a health check",
                     percentile(health, 0.5), percentile(batch, 0.5) / percentile(health, 0.5)))
        server.cancel()
    }
}
