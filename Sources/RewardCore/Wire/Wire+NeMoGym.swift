/// A NeMo-Gym `POST /verify` body: the rollout to score, and the body to echo back with the reward.
public struct NeMoGymVerifyRequest: Sendable {
    /// The rollout read from the body, or what is wrong with it.
    public var item: RolloutItem
    /// Whether the body object has members, so the reply's added members need a leading comma.
    public var hasMembers: Bool
}

extension Wire {
    /// The task fields a `/verify` body may carry beside NeMo-Gym's own, read as rollout fields.
    static let verifyTaskFields: Set<String> = Set(RolloutFields.names).subtracting(["prompt", "response"])

    /// Reads a `/verify` body: the question from `responses_create_params.input`, the response text from
    /// the `output_text` parts of `response.output`'s message items, the ground truth from
    /// `expected_answer` (or `ground_truth`), and other rollout fields from the top level.
    public static func readNeMoGymVerify(_ bytes: UnsafeBufferPointer<UInt8>) throws(RewardError) -> NeMoGymVerifyRequest {
        let object = try readDocumentObject(bytes)
        guard let output = object["response"]?["output"], case .array(let items) = output else {
            throw RewardError(code: .missingField, message: "response.output (the Responses-API output list) is required", field: "response.output")
        }
        let text = items.filter { $0["type"]?.string == "message" }.compactMap { $0["content"].flatMap(contentText) }.joined()
        let fields = RolloutFields(members: object.members.filter { verifyTaskFields.contains($0.key) && $0.key != "ground_truth" })
        // The ground truth reads as a trainer label: an empty one abstains instead of scoring 0.
        let truth = rolloutTemplate(label: object["ground_truth"] ?? object["expected_answer"])
        let result = fields.item(requireResponse: false).rollout.flatMap { rollout in
            truth.mapError { $0.nested(under: "expected_answer") }.map { truth in
                var rollout = rollout
                rollout.groundTruths = truth.groundTruths
                rollout.structuredGroundTruth = truth.structuredGroundTruth
                rollout.warnings += truth.warnings
                return rollout
            }
        }.map { template in
            var rollout = template
            rollout.response = text
            if let input = object["responses_create_params"]?["input"], let prompt = promptText(input) { rollout.prompt = prompt }
            return rollout
        }
        return NeMoGymVerifyRequest(item: RolloutItem(result), hasMembers: !object.members.isEmpty)
    }

    /// The reply to NeMo-Gym's `/seed_session` or `/close_session`. Referee keeps no session state, so, as
    /// NeMo-Gym 0.7.0's default `SimpleResourcesServer`, it confirms the caller's `resources_session_id`:
    /// `{"resources_session_id": ID}`, or `{}` to a seed without one (an agent's legacy seed body). A close
    /// must name its session.
    public static func nemoGymSessionReply(_ bytes: UnsafeBufferPointer<UInt8>, closing: Bool) throws(RewardError) -> [UInt8] {
        let object = try readDocumentObject(bytes)
        guard let id = object["resources_session_id"], id != .null else {
            guard !closing else {
                throw RewardError(code: .missingField, message: "resources_session_id is required", field: "resources_session_id")
            }
            return Array("{}".utf8)
        }
        // NeMo-Gym 0.7.0 requires a non-empty id to seed (`min_length=1`) and any string to close.
        guard let text = id.string, closing || !text.isEmpty else {
            throw WireField.wrongType("resources_session_id", closing ? "a string" : "a non-empty string")
        }
        var writer = JSONWriter(capacity: 32 + text.utf8.count)
        writer.raw("{")
        writer.key("resources_session_id")
        writer.string(text)
        writer.raw("}")
        return writer.bytes
    }
}

extension RewardResult {
    /// NeMo-Gym's `/verify` reply: the request `body` with `reward` (a number always), `mask_sample` (true when
    /// Referee abstained, so the fallback is not a measurement: NeMo-Gym 0.7's `BaseVerifyResponse` field, which
    /// its metrics leave out), `failure_kind` and `failure_reason` for an abstention, `reward_components`,
    /// `abstained` and Referee's whole result under `referee` added.
    public func nemoGymVerifyJSON(body: UnsafeBufferPointer<UInt8>, hasMembers: Bool, fallback: Double) -> [UInt8] {
        var end = body.count
        while end > 0, body[end - 1] != UInt8(ascii: "}") { end -= 1 }
        var bytes = Array(body[0..<max(0, end - 1)])
        var writer = JSONWriter(capacity: 512)
        writer.raw(hasMembers ? "," : "")
        writer.key("reward")
        writer.number(reward ?? fallback)
        writer.raw(",")
        writer.key("mask_sample")
        writer.bool(reward == nil)
        writer.raw(",")
        if reward == nil {
            writer.key("failure_kind")
            writer.string(error.map { Self.nemoGymFailureKind($0.code) } ?? "verifier_error")
            writer.raw(",")
            writer.key("failure_reason")
            writer.string(error?.message ?? "abstained")
            writer.raw(",")
        }
        writer.key("reward_components")
        writer.raw("{")
        for (offset, component) in components.keys.enumerated() {
            writer.comma(offset > 0)
            writer.key(component.rawValue)
            writer.number(components[component])
        }
        writer.raw("},")
        writer.key("abstained")
        writer.bool(reward == nil)
        writer.raw(",")
        writer.key("referee")
        bytes += writer.bytes
        bytes += numericJSON(fallback: fallback)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// The name in NeMo-Gym's shared failure vocabulary (`nemo_gym/failure_kinds.py` of 0.7.0) for an abstention's
    /// code: `judge_failed` for a judge that was down or gave no usable verdict, `judge_unparseable`,
    /// `provider_unavailable` for the sandbox, and a namespaced `referee:<code>` otherwise.
    static func nemoGymFailureKind(_ code: ErrorCode) -> String {
        switch code {
        case .judgeTimeout, .judgeRateLimited, .judgeServerError, .judgeUnreachable, .judgeRejected,
             .judgeBudgetExhausted, .judgeInconsistent:
            "judge_failed"
        case .judgeUnparseable: "judge_unparseable"
        case .sandboxUnavailable: "provider_unavailable"
        default: "referee:\(code.rawValue)"
        }
    }
}
