import Foundation
import Testing

@testable import RewardCore

/// `POST /reward` bodies and OpenRLHF bodies through the one reader.
@Suite("Wire reads requests")
struct WireRequestTests {
    static func request(_ text: String) throws(RewardError) -> RewardRequest { try Wire.readRewardRequest(Array(text.utf8)) }

    static func error(_ text: String) -> RewardError? {
        do {
            _ = try request(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsABatchWithItemErrorsInPlace() throws {
        let request = try Self.request(#"{"config":{"advantage":"none"},"rollouts":[{"response":"a"},7,{"id":2},{"response":"b","group":"g"}]}"#)
        #expect(request.isBatch)
        #expect(request.config?.advantage == AdvantageMode.none)
        #expect(request.items.count == 4)
        #expect(request.items[1].rollout.failure?.field == "rollouts[1]")
        #expect(request.items[2].rollout.failure?.field == "rollouts[2].response")
        #expect(request.items[2].id == .integer(2))
        #expect((try request.items[3].rollout.get()).group == "g")
    }

    @Test func readsASingleRolloutWithItsConfig() throws {
        let request = try Self.request(#"{"response":"r","config":{"alpha":0.5}}"#)
        #expect(!request.isBatch)
        #expect(request.config?.alpha == 0.5)
        #expect(try request.items[0].rollout.get().warnings.isEmpty)
    }

    @Test func refusesMalformedRolloutsAndConfig() {
        #expect(Self.error(#"{"rollouts":{"response":"a"}}"#)?.field == "rollouts")
        #expect(Self.error(#"{"rollouts":null}"#)?.field == "rollouts")
        #expect(Self.error(#"{"rollouts":[],"config":[]}"#)?.field == "config")
        #expect(Self.error(#"{"rollouts":[],"config":{"alpha":2}}"#)?.field == "config.alpha")
        #expect(Self.error(#"{"rollouts":[],"config":{"preset":"x"}}"#)?.code == .invalidValue)
        #expect(Self.error(#"[1]"#)?.code == .wrongType)
        #expect(Self.error(#"{"rollouts":[}"#)?.code == .invalidJSON)
    }

    @Test func namesTheLineAndColumnOfASyntaxError() {
        let error = Self.error("{\n  \"rollouts\": [\n    {\"response\": \"\\boxed{1}\"},\n    {\"response\": \"x\",}\n  ]\n}")
        #expect(error?.code == .invalidJSON)
        #expect(error?.message.contains("line 4, column 22") == true)
    }

    @Test func warnsAboutUnknownConfigKeysAndStrayBatchFields() throws {
        let batch = try Self.request(#"{"rollouts":[],"config":{"alhpa":0.5},"response":"x"}"#)
        #expect(batch.warnings.map(\.field) == ["response", "config.alhpa"])
        #expect(batch.warnings[1].message.contains("did you mean 'alpha'"))
        let single = try Self.request(#"{"response":"x","config":{"shortcircuit":false}}"#)
        #expect(try single.items[0].rollout.get().warnings.map(\.field) == ["config.shortcircuit"])
    }

    @Test func readsOpenRLHFBodies() throws {
        let body = #"{"query":["P: a","P: b","Q"],"prompts":["P: ","P: ","P"],"labels":["7",{"ground_truth":"8","requires_reasoning":true},true]}"#
        let request = try Wire.readOpenRLHF(Array(body.utf8))
        let items = request.rollouts()
        #expect(try items[0].rollout.get().response == "a")
        #expect(try items[1].rollout.get().requiresReasoning == true)
        #expect(items[2].rollout.failure?.field == "labels[2]")
        #expect(throws: RewardError.self) { try Wire.readOpenRLHF(Array(#"{"query":["a"],"labels":["1","2"]}"#.utf8)) }
        #expect(throws: RewardError.self) { try Wire.readOpenRLHF(Array(#"{"prompts":[]}"#.utf8)) }
    }
}

extension Result {
    /// The failure, if this is one.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
