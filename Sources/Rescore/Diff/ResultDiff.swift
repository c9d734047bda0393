import RewardCore

/// Compares two result files (rescore outputs, or any JSONL of result objects) joined by `id` (a line without
/// an id by its `line`), or wholly by `line` when ids repeat: what a rubric or checker change did, before training on it.
public struct ResultDiff: Sendable {
    /// How one component (or the reward) moved across the joined lines.
    public struct Movement: Sendable, Equatable {
        /// New value above the old one (0 -> 1 for a 0/1 component).
        public var up = 0
        /// New value below the old one (1 -> 0).
        public var down = 0
        /// A value that became null (skipped, abstained or failed).
        public var toNull = 0
        /// A null that got a value.
        public var fromNull = 0
    }

    /// What the OLD file holds for one line, kept small: 1,000,000 lines fit in about 150 MB.
    struct Entry {
        var reward: Double?
        var components: [Double?]
        var errorCode: ErrorCode?
    }

    /// `id` or `line`.
    public private(set) var joinedBy = "id"
    /// Lines present in both files.
    public private(set) var joined = 0
    /// Lines only in OLD.
    public private(set) var onlyOld = 0
    /// Lines only in NEW.
    public private(set) var onlyNew = 0
    /// Per component, in `ComponentName.allCases` order.
    public private(set) var components = [Movement](repeating: Movement(), count: ComponentName.allCases.count)
    /// How the reward moved.
    public private(set) var reward = Movement()
    /// Lines rewarded in both files.
    public private(set) var rewardCompared = 0
    /// Sum of new minus old reward over those.
    public private(set) var rewardDeltaSum = 0.0
    /// The largest reward change by size: its key and new minus old.
    public private(set) var largest: (key: String, delta: Double)?
    /// Keys (ids, or line numbers) whose reward, any component or error changed, in NEW's order.
    public private(set) var changed: [String] = []

    /// Mean of new minus old reward over lines rewarded in both; nil when there are none.
    public var meanRewardDelta: Double? { rewardCompared > 0 ? rewardDeltaSum / Double(rewardCompared) : nil }

    /// Reads OLD whole, then streams NEW against it.
    public init(old: String, new: String) throws {
        var entries: [Entry] = []
        var ids: [String?] = []
        var lines: [Int] = []
        try Self.forEachRecord(old) { record in
            entries.append(Entry(
                reward: record.result.reward, components: ComponentName.allCases.map { record.result.components[$0] },
                errorCode: record.result.error?.code))
            ids.append(record.result.id?.text)
            lines.append(record.line)
        }
        let index: [String: Int]
        if let byID = Self.uniqueIndex(zip(ids, lines).map { Self.key(id: $0, line: $1, byID: true) }) {
            index = byID
            if !ids.contains(where: { $0 != nil }) { joinedBy = "line" }
        } else if let byLine = Self.uniqueIndex(lines.map { Self.key(id: nil, line: $0, byID: false) }) {
            joinedBy = "line"
            index = byLine
        } else {
            throw RescoreError(code: "bad_input", message: "\(old) has neither unique ids nor unique line numbers: nothing to join on")
        }
        try compare(new, entries: entries, index: index)
    }

    /// The join key: the id, or for a line without one (or when joining by line) `line N`.
    static func key(id: String?, line: Int, byID: Bool) -> String {
        if byID, let id { return id }
        return "line \(line)"
    }

    /// Key to position, or nil when a key repeats.
    private static func uniqueIndex(_ keys: [String]) -> [String: Int]? {
        var index: [String: Int] = [:]
        index.reserveCapacity(keys.count)
        for (offset, key) in keys.enumerated() {
            guard index.updateValue(offset, forKey: key) == nil else { return nil }
        }
        return index
    }

    private mutating func compare(_ new: String, entries: [Entry], index: [String: Int]) throws {
        var seen = LineSet()
        try Self.forEachRecord(new) { record in
            let key = Self.key(id: record.result.id?.text, line: record.line, byID: joinedBy == "id")
            guard let offset = index[key] else {
                onlyNew += 1
                return
            }
            guard seen.insert(offset) else { throw RescoreError(code: "bad_input", message: "\(new) holds \(joinedBy) \(key) twice") }
            joined += 1
            let before = entries[offset]
            var differs = before.errorCode != record.result.error?.code
            for (position, name) in ComponentName.allCases.enumerated() {
                differs = Self.move(&components[position], from: before.components[position], to: record.result.components[name]) || differs
            }
            differs = Self.move(&reward, from: before.reward, to: record.result.reward) || differs
            if let old = before.reward, let now = record.result.reward {
                rewardCompared += 1
                rewardDeltaSum += now - old
                if abs(now - old) > abs(largest?.delta ?? 0) { largest = (key, now - old) }
            }
            if differs { changed.append(key) }
        }
        onlyOld = entries.count - joined
    }

    /// Counts a move; returns whether the value changed.
    private static func move(_ movement: inout Movement, from old: Double?, to new: Double?) -> Bool {
        switch (old, new) {
        case let (old?, new?) where new > old + 1e-12: movement.up += 1
        case let (old?, new?) where new < old - 1e-12: movement.down += 1
        case (_?, nil): movement.toNull += 1
        case (nil, _?): movement.fromNull += 1
        default: return false
        }
        return true
    }

    /// Calls `body` with every record of a JSONL file of results; a line that is not one names its place.
    static func forEachRecord(_ path: String, _ body: (OutputRecord) throws -> Void) throws {
        let reader = LineReader(try FileDescriptor.reading(path))
        while try reader.next({ number, content throws in
            guard case .bytes(let bytes) = content else { throw RescoreError(code: "bad_input", message: "\(path) line \(number) is too long") }
            guard !Chunker.isBlank(bytes) else { return }
            do {
                try body(try OutputRecord(bytes: bytes, requireLine: false, fields: OutputRecord.countedFields))
            } catch let error as RewardError {
                throw RescoreError(code: "bad_input", message: "\(path) line \(number) is not a result: \(error.message)")
            }
        }) != nil {}
    }
}
