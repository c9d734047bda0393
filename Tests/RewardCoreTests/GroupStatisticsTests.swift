import Testing

@testable import RewardCore

@Suite("GRPO group statistics and advantages")
struct GroupStatisticsTests {
    func results(_ rewards: [Double?], group: String = "g") -> [RewardResult] {
        rewards.enumerated().map { offset, reward in
            var result = RewardResult(id: .integer(offset), group: group)
            result.reward = reward
            return result
        }
    }

    @Test("advantages use the sample standard deviation, as TRL and verl do")
    func sampleStd() {
        var batch = results([1, 0, 0, 1])
        let groups = GroupStatistics.apply(to: &batch, mode: .grpo)
        let std = (1.0 / 3).squareRoot()  // sqrt(sum of squares 1 / (n - 1) 3)
        #expect(abs(groups["g"]!.std! - std) < 1e-12)
        #expect(abs(batch[0].advantage! - 0.5 / (std + 1e-6)) < 1e-9)
        #expect(abs(batch[1].advantage! + 0.5 / (std + 1e-6)) < 1e-9)
        #expect(groups["g"]!.degenerate == false)
    }

    @Test("a group with equal rewards is degenerate with zero advantages")
    func equalRewards() {
        var batch = results([0.1, 0.1, 0.1])
        let groups = GroupStatistics.apply(to: &batch, mode: .grpo)
        #expect(groups["g"]!.degenerate)
        #expect(batch.allSatisfy { $0.advantage == 0 })
    }

    @Test("abstained rollouts are left out and get a null advantage")
    func abstained() {
        var batch = results([1, nil, 0])
        let groups = GroupStatistics.apply(to: &batch, mode: .grpo)
        #expect(groups["g"]!.n == 2)
        #expect(groups["g"]!.mean == 0.5)
        #expect(batch[1].advantage == nil)
        #expect(batch[0].advantage! > 0.7)
    }

    @Test("a group of one gets 0; drgrpo is r - mean; none omits")
    func modes() {
        var single = results([0.7])
        _ = GroupStatistics.apply(to: &single, mode: .grpo)
        #expect(single[0].advantage == 0)
        var pair = results([1, 0])
        _ = GroupStatistics.apply(to: &pair, mode: .drgrpo)
        #expect(pair.map(\.advantage) == [0.5, -0.5])
        var none = results([1, 0])
        _ = GroupStatistics.apply(to: &none, mode: .none)
        #expect(none.allSatisfy { $0.advantage == nil })
    }

    @Test("groups are separate and ungrouped rollouts get no advantage")
    func separateGroups() {
        var batch = results([1, 0], group: "a") + results([0.5, 0.5], group: "b")
        batch.append(RewardResult(id: nil))
        batch[4].reward = 1
        let groups = GroupStatistics.apply(to: &batch, mode: .grpo)
        #expect(Set(groups.keys) == ["a", "b"])
        #expect(batch[4].advantage == nil)
        #expect(groups["b"]!.degenerate)
    }
}
