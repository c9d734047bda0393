import RewardCore
import Testing

@testable import Sandbox

/// A runner that counts its runs and the most it had at once, answering with a fixed outcome.
struct CountingRunner: CodeRunner {
    actor Counters {
        var runs = 0
        var running = 0
        var mostAtOnce = 0
        func start() {
            runs += 1
            running += 1
            mostAtOnce = max(mostAtOnce, running)
        }
        func stop() { running -= 1 }
    }

    let counters = Counters()
    var outcome: CodeTestOutcome = .passed
    var delay: Duration = .zero

    func run(_ job: CodeJob) async throws -> CodeRunResult {
        await counters.start()
        if delay > .zero { try await Task.sleep(for: delay) }
        await counters.stop()
        return CodeRunResult(outcomes: job.tests.map { _ in outcome })
    }
}

/// A runner whose sandbox never works, slowly enough for equal jobs to wait on it.
struct FailingRunner: CodeRunner {
    func run(_ job: CodeJob) async throws -> CodeRunResult {
        try await Task.sleep(for: .milliseconds(30))
        throw CodeRunnerFailure(message: "bubblewrap did not start the program")
    }
}

@Suite("Queued code runner: the parallel-run limit and the result cache")
struct QueuedCodeRunnerTests {
    func job(_ program: String, stdin: String = "1") -> CodeJob {
        CodeJob(program: program, tests: [CodeTestCase(stdin: stdin, expectedStdout: "2")])
    }

    @Test("an equal job is answered from the cache; a different program, test or limit runs")
    func cache() async throws {
        let base = CountingRunner()
        let runner = QueuedCodeRunner(base, parallelRuns: 2)
        _ = try await runner.run(job("print(2)"))
        _ = try await runner.run(job("print(2)"))
        #expect(await base.counters.runs == 1)
        _ = try await runner.run(job("print(2)", stdin: "2"))
        _ = try await runner.run(job("print(3)"))
        var limited = job("print(2)")
        limited.timeLimitSeconds = 1
        _ = try await runner.run(limited)
        #expect(await base.counters.runs == 4)
    }

    @Test("a timeout is never cached: the machine's load may have caused it")
    func timeoutsNotCached() async throws {
        let base = CountingRunner(outcome: .timeout)
        let runner = QueuedCodeRunner(base, parallelRuns: 1)
        _ = try await runner.run(job("while True: pass"))
        _ = try await runner.run(job("while True: pass"))
        #expect(await base.counters.runs == 2)
    }

    @Test("equal jobs at the same time run once and all get the result; a failure reaches every waiter")
    func equalJobsAtOnce() async throws {
        let base = CountingRunner(delay: .milliseconds(50))
        let runner = QueuedCodeRunner(base, parallelRuns: 4)
        let results = try await withThrowingTaskGroup(of: CodeRunResult.self) { group in
            for _ in 0..<8 { group.addTask { try await runner.run(job("print(2)")) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: CodeRunResult(outcomes: [.passed]), count: 8))
        #expect(await base.counters.runs == 1)

        let failing = QueuedCodeRunner(FailingRunner(), parallelRuns: 4)
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 { group.addTask { (try? await failing.run(job("print(2)"))) == nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 4)
    }

    @Test("no more runs at once than parallelRuns")
    func parallelLimit() async throws {
        let base = CountingRunner(delay: .milliseconds(20))
        let runner = QueuedCodeRunner(base, parallelRuns: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 { group.addTask { _ = try await runner.run(job("print(\(index))")) } }
            try await group.waitForAll()
        }
        #expect(await base.counters.runs == 8)
        #expect(await base.counters.mostAtOnce == 2)
    }

    @Test("the cache drops its oldest results past its byte budget")
    func budget() async throws {
        let cache = CodeResultCache(budget: 16 * 1024)
        let result = CodeRunResult(outcomes: [.passed])
        for index in 0..<100 { await cache.store(result, for: job(String(repeating: "#", count: 500) + "\(index)")) }
        let held = await cache.count
        #expect(held > 0 && held < 100)
        #expect(await cache.result(for: job(String(repeating: "#", count: 500) + "99")) == result)
        #expect(await cache.result(for: job(String(repeating: "#", count: 500) + "0")) == nil)
        // A job over a sixteenth of the budget is never held.
        await cache.store(result, for: job(String(repeating: "#", count: 2000)))
        #expect(await cache.result(for: job(String(repeating: "#", count: 2000))) == nil)
    }
}
