import RewardCore

/// Totals over a rescore output: built line by line (in parallel chunks, then merged), and rebuilt from
/// the existing output on resume, so the closing summary always covers the whole file.
public struct RescoreSummary: Sendable, Equatable {
    /// Counts for one component.
    public struct ComponentTally: Sendable, Equatable {
        /// Lines where the component has a value.
        public var evaluated = 0
        /// Lines where its value is 1.
        public var passed = 0
        /// Sum of its values.
        public var sum = 0.0
    }

    /// The label rows of the decision confusion matrix.
    public enum LabelRow: String, Sendable, CaseIterable {
        /// `requires_reasoning: true`.
        case needsReasoning = "requires_reasoning"
        /// `requires_reasoning: false`.
        case noReasoning = "no_reasoning"
        /// No label.
        case unlabelled
    }

    /// Output lines counted, bad ones included.
    public var lines = 0
    /// Of those, lines that were already in the output when this run started (resume).
    public var resumedLines = 0
    /// Whitespace-only input lines, skipped.
    public var blankLines = 0
    /// Input lines that could not be read as rollouts, by error code.
    public var badLinesByCode: [String: Int] = [:]
    /// Lines with a reward.
    public var rewarded = 0
    /// Sum of the rewards.
    public var rewardSum = 0.0
    /// Rollouts read but not rewarded (judge failure, no ground truth, ...), by error code.
    public var abstainedByCode: [String: Int] = [:]
    /// Per-component counts, in `ComponentName.allCases` order.
    public var components = [ComponentTally](repeating: ComponentTally(), count: ComponentName.allCases.count)
    /// `decisions[label][decision]`: label rows in `LabelRow.allCases` order, decisions think, direct, unknown.
    public var decisions = [[Int]](repeating: [0, 0, 0], count: LabelRow.allCases.count)
    /// Verdicts that came from the cache.
    public var cacheHits = 0
    /// Verdicts that needed a judge call.
    public var cacheMisses = 0
    /// Judge tokens spent.
    public var judgeTokens = 0

    /// Creates an empty summary.
    public init() {}

    /// The decision columns of the confusion matrix.
    public static let decisionColumns: [Decision] = [.think, .direct, .unknown]

    /// Bad lines in all.
    public var badLines: Int { badLinesByCode.values.reduce(0, +) }
    /// Abstentions in all.
    public var abstained: Int { abstainedByCode.values.reduce(0, +) }
    /// Mean reward over rewarded lines; nil when none.
    public var meanReward: Double? { rewarded > 0 ? rewardSum / Double(rewarded) : nil }

    /// Counts one output line.
    public mutating func add(_ record: OutputRecord) {
        lines += 1
        let result = record.result
        cacheHits += result.cacheHits
        cacheMisses += result.cacheMisses
        judgeTokens += result.judgeTokens
        if record.isBadLine {
            badLinesByCode[(result.error?.code ?? .unrecognized).rawValue, default: 0] += 1
            return
        }
        if let reward = result.reward {
            rewarded += 1
            rewardSum += reward
        } else {
            abstainedByCode[(result.error?.code ?? .unrecognized).rawValue, default: 0] += 1
        }
        for (index, name) in ComponentName.allCases.enumerated() {
            guard let value = result.components[name] else { continue }
            components[index].evaluated += 1
            components[index].sum += value
            if value == 1 { components[index].passed += 1 }
        }
        if let decision = result.decision, let column = Self.decisionColumns.firstIndex(of: decision) {
            let row: LabelRow = switch record.label {
            case true?: .needsReasoning
            case false?: .noReasoning
            case nil: .unlabelled
            }
            decisions[LabelRow.allCases.firstIndex(of: row)!][column] += 1
        }
    }

    /// Adds another summary's counts (of a disjoint set of lines).
    public mutating func merge(_ other: RescoreSummary) {
        lines += other.lines
        resumedLines += other.resumedLines
        blankLines += other.blankLines
        badLinesByCode.merge(other.badLinesByCode, uniquingKeysWith: +)
        rewarded += other.rewarded
        rewardSum += other.rewardSum
        abstainedByCode.merge(other.abstainedByCode, uniquingKeysWith: +)
        for index in components.indices {
            components[index].evaluated += other.components[index].evaluated
            components[index].passed += other.components[index].passed
            components[index].sum += other.components[index].sum
        }
        for row in decisions.indices {
            for column in decisions[row].indices { decisions[row][column] += other.decisions[row][column] }
        }
        cacheHits += other.cacheHits
        cacheMisses += other.cacheMisses
        judgeTokens += other.judgeTokens
    }

    /// Share of labelled, scored lines whose decision matches the label; nil without labels.
    public var decisionAccuracy: Double? {
        let labelled = decisions[0].reduce(0, +) + decisions[1].reduce(0, +)
        guard labelled > 0 else { return nil }
        return Double(decisions[0][0] + decisions[1][1]) / Double(labelled)
    }

    /// Share of verdicts served from the cache; nil when no verdict was asked for.
    public var cacheHitRate: Double? {
        cacheHits + cacheMisses > 0 ? Double(cacheHits) / Double(cacheHits + cacheMisses) : nil
    }
}
