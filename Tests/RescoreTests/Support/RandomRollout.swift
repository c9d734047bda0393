import RewardCore

/// A deterministic random source, so a failing random case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Rollout lines whose fields take random JSON types and values, for differential tests.
enum RandomRollout {
    static let keys = ["id", "prompt", "response", "ground_truth", "answer_type", "requires_reasoning", "images", "group", "tolerance", "prefix", "extra"]
    static let strings = ["", "7", "x^2+1", "math", "choice", "judge", "text", "auto", "caf\\u00e9", "line\\nbreak", "\\\"quoted\\\"", "\\ud83d\\ude00", "<judge>think</judge><think>r</think>\\\\boxed{7}"]
    static let numbers = ["0", "-0", "1", "-3", "2.5", "1e2", "1E-3", "0.000001", "3.0", "12345678901", "-2.5e+1", "0.5", "2"]

    static func line(using generator: inout some RandomNumberGenerator) -> String {
        var members: [String] = []
        for key in keys where Int.random(in: 0..<10, using: &generator) < (key == "response" ? 9 : 6) {
            members.append("\"\(key)\":" + value(depth: 0, using: &generator))
        }
        members.shuffle(using: &generator)
        return "{" + members.joined(separator: ",") + "}"
    }

    static func value(depth: Int, using generator: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<(depth < 2 ? 8 : 6), using: &generator) {
        case 0, 1: return "\"" + strings.randomElement(using: &generator)! + "\""
        case 2: return numbers.randomElement(using: &generator)!
        case 3: return Bool.random(using: &generator) ? "true" : "false"
        case 4: return "null"
        case 5: return "\"" + strings.randomElement(using: &generator)! + "\""
        case 6:
            let count = Int.random(in: 0..<4, using: &generator)
            return "[" + (0..<count).map { _ in value(depth: depth + 1, using: &generator) }.joined(separator: ",") + "]"
        default:
            return "{\"k\":" + value(depth: depth + 1, using: &generator) + "}"
        }
    }
}
