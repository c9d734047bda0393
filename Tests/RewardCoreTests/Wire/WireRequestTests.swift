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

    /// A batch over the size that is read on several cores, with every kind of item: good, not an object,
    /// wrong types, unknown fields, a mangled `\\boxed`, structured ground truths.
    static func largeBatch(count: Int) -> String {
        let reasoning = String(repeating: "Step: 17 + 25 = 42, then multiply by 3. ", count: 10)
        let kinds = [
            #"{"id":%d,"prompt":"Q","response":"<think>\#(reasoning)</think>\\boxed{126}","ground_truth":"126","group":"g%g"}"#,
            #"7"#,
            #"{"id":"s%d","response":42}"#,
            #"{"id":%d,"response":"\boxed{1}","groundtruth":"1","alhpa":0.5}"#,
            #"{"id":%d,"response":"x","ground_truth":[[1,2,3,4]],"answer_type":"boxes","tolerance":2}"#,
            #"{"response":"y","requires_reasoning":"yes","id":%d}"#,
            #"null"#,
        ]
        let items = (0..<count).map { index in
            kinds[index % kinds.count].replacingOccurrences(of: "%d", with: "\(index)").replacingOccurrences(of: "%g", with: "\(index / 8)")
        }
        return #"{"rollouts":["# + items.joined(separator: ",") + #"],"config":{"advantage":"grpo"}}"#
    }

    @Test func readsALargeBatchOnSeveralCoresAsOnOne() throws {
        let body = Array(Self.largeBatch(count: 700).utf8)
        #expect(body.count > Wire.parallelReadBytes)
        let serial = try Wire.readRewardRequest(body, parallelism: 1)
        for parallelism in [2, 3, 8] {
            let parallel = try Wire.readRewardRequest(body, parallelism: parallelism)
            #expect(parallel.items.count == 700)
            #expect(parallel.items.map { String(describing: $0) } == serial.items.map { String(describing: $0) })
            #expect(parallel.warnings == serial.warnings && parallel.config == serial.config)
        }
        #expect(serial.items[693].rollout.failure == nil)  // 693 % 7 == 0: a good rollout
        #expect(serial.items[699].rollout.failure?.field == "rollouts[699]")  // 699 % 7 == 6: null
        #expect(serial.items[698].rollout.failure?.field == "rollouts[698].requires_reasoning")
    }

    @Test func namesTheSameSyntaxErrorWhetherReadOnOneCoreOrSeveral() {
        var text = Self.largeBatch(count: 700)
        text.insert(contentsOf: ",]", at: text.range(of: "]", options: .backwards)!.lowerBound)
        let body = Array(text.utf8)
        func error(_ parallelism: Int) -> RewardError? {
            do {
                _ = try Wire.readRewardRequest(body, parallelism: parallelism)
                return nil
            } catch {
                return error
            }
        }
        #expect(error(1)?.code == .invalidJSON)
        #expect(error(4) == error(1))
    }

    @Test func writesALargeBatchOnSeveralCoresAsOnOne() throws {
        let request = try Wire.readRewardRequest(Array(Self.largeBatch(count: 700).utf8))
        let engine = RewardEngine()
        let results = request.items.map { item in
            switch item.rollout {
            case .success(let rollout): engine.scoreWithRules(rollout, options: ScoringOptions())
            case .failure(let error): RewardResult.invalid(id: item.id, error: error, warnings: item.warnings)
            }
        }
        var batch = BatchResult(results: results, groups: [:], warnings: request.warnings)
        batch.groups = GroupStatistics.apply(to: &batch.results, mode: .grpo)
        let serial = batch.jsonBytes(parallelism: 1)
        #expect(serial.count > 700 * 100)
        for parallelism in [2, 5] { #expect(batch.jsonBytes(parallelism: parallelism) == serial) }
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
