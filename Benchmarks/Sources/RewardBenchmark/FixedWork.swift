import RewardCore

/// Fixed amounts of work, each in its own function, for `valgrind --tool=callgrind`: instruction
/// counts repeat from run to run whatever else the machine is doing, so an old and a new build
/// compare on a shared machine where rollouts/s do not.
enum FixedWork {
    static let scored = 4096
    static let batches = 16

    static func run() {
        let rollouts = (0..<1024).map(Workload.rollout)
        let body = Workload.batchBody(count: 256)
        let engine = RewardEngine()
        let options = ScoringOptions()
        var checksum = fixedScoring(rollouts, engine: engine, options: options)
        checksum += fixedPipeline(body, engine: engine, options: options)
        checksum += fixedDecode(body)
        let results = rollouts.prefix(256).map { engine.scoreWithRules($0, options: options) }
        checksum += fixedEncode(results)
        print("fixed work: \(scored) rollouts scored, \(batches) batches of 256 decoded, scored and encoded [checksum \(checksum)]")
        print("per-rollout instructions: inclusive cost of each fixed* function / \(scored) (scoring) or / \(batches * 256) (the others)")
    }

    @inline(never)
    static func fixedScoring(_ rollouts: [Rollout], engine: RewardEngine, options: ScoringOptions) -> Double {
        var checksum = 0.0
        for index in 0..<scored { checksum += engine.scoreWithRules(rollouts[index & 1023], options: options).reward ?? 0 }
        return checksum
    }

    @inline(never)
    static func fixedPipeline(_ body: [UInt8], engine: RewardEngine, options: ScoringOptions) -> Double {
        var checksum = 0.0
        for _ in 0..<batches {
            var results = decode(body).map { engine.scoreWithRules($0, options: options) }
            let groups = GroupStatistics.apply(to: &results, mode: .grpo)
            checksum += Double(BatchResult(results: results, groups: groups).jsonBytes().count)
        }
        return checksum
    }

    @inline(never)
    static func fixedDecode(_ body: [UInt8]) -> Double {
        var count = 0
        for _ in 0..<batches { count += decode(body).count }
        return Double(count)
    }

    @inline(never)
    static func fixedEncode(_ results: [RewardResult]) -> Double {
        var count = 0
        for _ in 0..<batches { count += BatchResult(results: results, groups: [:]).jsonBytes().count }
        return Double(count)
    }

    static func decode(_ body: [UInt8]) -> [Rollout] {
        (try! Wire.readRewardRequest(body)).items.compactMap { try? $0.rollout.get() }
    }
}
