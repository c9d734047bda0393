/// One arithmetic question of the synthetic SAIL-RL task.
public struct TaskItem: Sendable, Equatable {
    /// Stable id, unique within a set.
    public var id: String
    /// Operands, left to right.
    public var operands: [Int]
    /// Operators between them (`+`, `-`, `*`).
    public var operators: [Character]

    /// An item; `operators.count` must be `operands.count - 1`.
    public init(id: String, operands: [Int], operators: [Character]) {
        self.id = id
        self.operands = operands
        self.operators = operators
    }

    /// Easy items are one operation; longer chains need the worked trace.
    public var requiresReasoning: Bool { operands.count > 2 }

    /// The question text, for example `3+8+5+2=`.
    public var prompt: String {
        var s = String(operands[0])
        for (op, v) in zip(operators, operands.dropFirst()) { s += String(op) + String(v) }
        return s + "="
    }

    /// Left-to-right value, as the trace computes it.
    public var answer: Int { partials.last ?? operands[0] }

    /// Running results after each operation.
    public var partials: [Int] {
        var acc = operands[0]
        var out: [Int] = []
        for (op, v) in zip(operators, operands.dropFirst()) {
            switch op {
            case "+": acc += v
            case "-": acc -= v
            default: acc *= v
            }
            out.append(acc)
        }
        return out
    }

    /// The worked trace, one step per operation: `3+8=11;11+5=16;16+2=18`.
    public var trace: String {
        var acc = operands[0]
        var steps: [String] = []
        for ((op, v), r) in zip(zip(operators, operands.dropFirst()), partials) {
            steps.append("\(acc)\(op)\(v)=\(r)")
            acc = r
        }
        return steps.joined(separator: ";")
    }

    /// The target response in the SAIL-RL layout, thinking or answering directly.
    public func response(thinking: Bool) -> String {
        let head = thinking ? "<judge>think</judge><think>\(trace)</think>" : "<judge>direct</judge><think>\n\n</think>"
        return head + "\\boxed{\(answer)}"
    }
}
