import Testing
@testable import AnswerCheck

@Suite("Math checker: conformance corpus")
struct MathConformanceTests {
    /// Checker settings the corpus is judged under, each with the agreement it must reach on the
    /// pairs not marked `mv_suspect` and the disagreements it is known to have.
    struct Profile: Sendable, CustomTestStringConvertible {
        var name: String
        var checker: MathAnswerChecker
        var floor: Double
        var accepted: [Int: String]
        var testDescription: String { name }

        /// The settings Math-Verify ran with for `expected` (`allow_set_relation_comp=False`):
        /// the target of issue 13.
        static let reference = Profile(
            name: "reference settings (set_relations apart)", checker: MathAnswerChecker(setRelations: .apart),
            floor: 0.99, accepted: MathDisagreements.accepted)
        /// The service's defaults, which keep an inequality and its set one answer (issue 13 item 5).
        static let defaults = Profile(
            name: "service defaults", checker: MathAnswerChecker(), floor: 0.97,
            accepted: MathDisagreements.accepted.merging(MathDisagreements.defaultsOnly) { reason, _ in reason })
    }

    @Test("agrees with Math-Verify and is right where Math-Verify is wrong", arguments: [Profile.reference, .defaults])
    func corpus(profile: Profile) throws {
        let pairs = try MathCorpus.load()
        try #require(pairs.count == 602)
        var byKind: [String: (agree: Int, total: Int)] = [:]
        var disagreements: [Int] = []
        for pair in pairs {
            let agrees = MathCorpus.judge(pair, checker: profile.checker) == pair.truth
            byKind[pair.kind, default: (0, 0)].total += 1
            if agrees { byKind[pair.kind, default: (0, 0)].agree += 1 } else { disagreements.append(pair.line) }
        }
        print("profile: \(profile.name)")
        for (kind, tally) in byKind.sorted(by: { $0.key < $1.key }) {
            print("kind \(kind): \(tally.agree)/\(tally.total)")
        }
        let plain = pairs.filter { !$0.suspect }
        let plainAgreeing = plain.filter { !disagreements.contains($0.line) }.count
        let rate = Double(plainAgreeing) / Double(plain.count)
        print("overall: \(pairs.count - disagreements.count)/\(pairs.count); without mv_suspect: \(plainAgreeing)/\(plain.count) = \(rate)")
        print("disagreements: \(disagreements)")
        #expect(rate >= profile.floor)
        let suspectWrong = pairs.filter { $0.suspect && disagreements.contains($0.line) }.map(\.line)
        #expect(suspectWrong.isEmpty, "mv_suspect lines judged wrongly: \(suspectWrong)")
        #expect(Set(disagreements) == Set(profile.accepted.keys), "update Fixtures/MathDisagreements.swift")
    }
}
