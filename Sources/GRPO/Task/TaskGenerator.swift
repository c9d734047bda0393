/// Which part of the item space a draw comes from.
public enum TaskSplit: Sendable {
    /// Items used by SFT and RL.
    case train
    /// Held-out items for evaluation.
    case heldOut
}

/// Draws easy (`x op y`) and hard (sum of four digits) items.
///
/// Hard items are split by a hash of their digits, so evaluation chains were never trained on.
/// The 300 easy facts cannot be held out (a memorised table does not generalise), so they are
/// shared; the evaluation measures the decision, and easy answers are its sanity check.
public struct TaskGenerator: Sendable {
    /// Fraction of hard items in a draw.
    public var hardFraction: Double
    /// Operators for easy items.
    public var easyOperators: [Character]

    /// A generator; by default half the items are hard.
    public init(hardFraction: Double = 0.5, easyOperators: [Character] = ["+", "-", "*"]) {
        self.hardFraction = hardFraction
        self.easyOperators = easyOperators
    }

    /// One item from `split`.
    public func sample(_ split: TaskSplit, rng: inout RandomStream) -> TaskItem {
        let n = rng.next()
        let id = "q\(n % 1_000_000_000)"
        if Double(rng.nextUnit()) < hardFraction {
            while true {
                let digits = (0..<4).map { _ in Int(rng.next() % 10) }
                if TaskGenerator.isHeldOut(digits) == (split == .heldOut) {
                    return TaskItem(id: id, operands: digits, operators: ["+", "+", "+"])
                }
            }
        }
        let op = easyOperators[Int(rng.next() % UInt64(easyOperators.count))]
        return TaskItem(id: id, operands: [Int(rng.next() % 10), Int(rng.next() % 10)], operators: [op])
    }

    /// `count` held-out items with ids `eval-0...`, the same for the same seed.
    public func evaluationSet(count: Int, seed: UInt64) -> [TaskItem] {
        numbered(.heldOut, count: count, seed: seed, stream: "eval", prefix: "eval")
    }

    /// A fixed training pool of `count` items (ids `train-N`) drawn from `seed`, for the prompt samplers.
    public func trainingPool(count: Int, seed: UInt64) -> [TaskItem] {
        numbered(.train, count: count, seed: seed, stream: "pool", prefix: "train")
    }

    /// `count` items of `split` from their own random stream, with ids `PREFIX-N`.
    private func numbered(_ split: TaskSplit, count: Int, seed: UInt64, stream: String, prefix: String) -> [TaskItem] {
        var rng = RandomStream(seed: seed, stream: stream)
        return (0..<count).map { i in
            var item = sample(split, rng: &rng)
            item.id = "\(prefix)-\(i)"
            return item
        }
    }

    /// About one chain in eight is held out.
    static func isHeldOut(_ digits: [Int]) -> Bool {
        let key = digits.reduce(0) { $0 * 10 + $1 }
        return (key &* 2_654_435_761) % 8 == 3
    }
}
