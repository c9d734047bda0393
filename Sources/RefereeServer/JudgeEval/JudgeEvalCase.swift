import RewardCore

/// One labelled case of `referee judge-eval`: a rollout, and the verdict each named kind should give.
public struct JudgeEvalCase: Sendable {
    /// The case's id (the rollout's `id`, else its line number).
    public var id: String
    /// The rollout the judge is asked about.
    public var rollout: Rollout
    /// Expected verdicts by kind (`logic`, `think_judge`'s `is_judgment_correct`, a custom component's pass).
    public var expected: [(kind: String, passed: Bool)]

    /// Reads one JSONL line: the rollout's fields plus `"expected": {"KIND": true | false, ...}` (other
    /// members, such as a `flaw` note, are ignored). Errors name the line.
    public static func read(line bytes: [UInt8], number: Int) throws(RewardError) -> JudgeEvalCase {
        let item = Wire.readRollout(bytes)
        let rollout: Rollout
        switch item.rollout {
        case .success(let read): rollout = read
        case .failure(let error): throw error.nested(under: "line \(number)")
        }
        let value: JSONValue
        do throws(JSONSyntaxError) {
            value = try JSONParser.parse(bytes)
        } catch {
            throw RewardError(code: .invalidJSON, message: "line \(number) is not valid JSON: \(error.description)")
        }
        guard case .object(let expectedObject)? = value["expected"], !expectedObject.members.isEmpty else {
            throw RewardError(
                code: .missingField, message: "line \(number) has no \"expected\" object of kinds and true/false", field: "expected")
        }
        var expected: [(kind: String, passed: Bool)] = []
        for (kind, label) in expectedObject.members {
            guard let passed = label.bool else {
                throw RewardError(code: .wrongType, message: "line \(number): expected.\(kind) must be true or false", field: "expected.\(kind)")
            }
            expected.append((kind, passed))
        }
        return JudgeEvalCase(id: rollout.id?.text ?? "line \(number)", rollout: rollout, expected: expected)
    }
}
