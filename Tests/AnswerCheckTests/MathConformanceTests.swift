import Testing
@testable import AnswerCheck

@Suite("Math checker: conformance corpus")
struct MathConformanceTests {
    @Test("agrees with Math-Verify on at least 97% of pairs and is right where Math-Verify is wrong")
    func corpus() throws {
        let pairs = try MathCorpus.load()
        try #require(pairs.count == 602)
        var byKind: [String: (agree: Int, total: Int)] = [:]
        var disagreements: [Int] = []
        for pair in pairs {
            let ours = MathCorpus.judge(pair)
            let agrees = ours == pair.truth
            byKind[pair.kind, default: (0, 0)].total += 1
            if agrees { byKind[pair.kind, default: (0, 0)].agree += 1 } else { disagreements.append(pair.line) }
        }
        for (kind, tally) in byKind.sorted(by: { $0.key < $1.key }) {
            print("kind \(kind): \(tally.agree)/\(tally.total)")
        }
        let plain = pairs.filter { !$0.suspect }
        let plainAgreeing = plain.filter { !disagreements.contains($0.line) }.count
        let rate = Double(plainAgreeing) / Double(plain.count)
        print("overall: \(pairs.count - disagreements.count)/\(pairs.count); without mv_suspect: \(plainAgreeing)/\(plain.count) = \(rate)")
        print("disagreements: \(disagreements)")
        #expect(rate >= 0.97)
        let suspectWrong = pairs.filter { $0.suspect && disagreements.contains($0.line) }.map(\.line)
        #expect(suspectWrong.isEmpty, "mv_suspect lines judged wrongly: \(suspectWrong)")
        #expect(Set(disagreements) == Set(MathDisagreements.accepted.keys), "update Fixtures/MathDisagreements.swift")
    }
}
