import Testing
@testable import AnswerCheck

@Suite("Math checker: concurrency")
struct MathConcurrencyTests {
    @Test("the corpus checked from 8 tasks at once gives the same verdicts as one task")
    func eightTasks() async throws {
        let pairs = try MathCorpus.load()
        let serial = pairs.map { MathCorpus.judge($0) }
        let checker = MathAnswerChecker()
        let results = await withTaskGroup(of: [Bool].self) { group in
            for _ in 0..<8 {
                group.addTask { pairs.map { MathCorpus.judge($0, checker: checker) } }
            }
            var all: [[Bool]] = []
            for await verdicts in group { all.append(verdicts) }
            return all
        }
        #expect(results.count == 8)
        for verdicts in results { #expect(verdicts == serial) }
    }
}
