import Foundation

/// A `POST /get_reward` body in OpenRLHF's remote reward protocol.
public struct OpenRLHFRequest: Decodable, Sendable {
    /// Prompt plus response, one per sample.
    public var query: [String]
    /// The prompts, whose text is removed from the front of each query.
    public var prompts: [String]?
    /// Per sample: a ground-truth string, or an object with rollout fields.
    public var labels: [OpenRLHFLabel]?

    /// Reads the body; lists of unequal length are an error naming the field.
    public init(from decoder: any Decoder) throws {
        let reader = try JSONFieldReader(decoder, what: "the request body")
        guard let query = try reader.strings("query") else {
            throw RewardError(code: "missing_field", message: "query is required", field: "query")
        }
        self.query = query
        prompts = try reader.strings("prompts")
        if reader.isPresent("labels") {
            do {
                labels = try reader.container.decode([OpenRLHFLabel].self, forKey: AnyKey("labels"))
            } catch {
                throw RewardError(code: "wrong_type", message: "labels must be a list of strings or objects", field: "labels")
            }
        }
        for (name, count) in [("prompts", prompts?.count), ("labels", labels?.count)] {
            if let count, count != query.count {
                throw RewardError(code: "length_mismatch", message: "\(name) has \(count) items but query has \(query.count)", field: name)
            }
        }
    }

    /// The rollouts to score, in order; a query that does not start with its prompt is an item error.
    public func rollouts() -> [Result<Rollout, RewardError>] {
        query.indices.map { index in
            var rollout: Rollout
            switch labels?[index] {
            case .object(.failure(let error)): return .failure(error.nested(under: "labels[\(index)]"))
            case .object(.success(let template)): rollout = template
            case .groundTruth(let text): rollout = Rollout(response: "", groundTruths: [text])
            case nil: rollout = Rollout(response: "")
            }
            let text = query[index]
            if let prompt = prompts?[index] {
                guard text.hasPrefix(prompt) else {
                    return .failure(RewardError(code: "query_prompt_mismatch", message: "query does not start with its prompt", field: "query[\(index)]"))
                }
                rollout.response = String(text.dropFirst(prompt.count))
                rollout.prompt = prompt
                if rollout.prefix == nil { rollout.prefix = Self.prefilledJudge(in: prompt) }
            } else {
                rollout.response = text
            }
            if rollout.id == nil { rollout.id = .integer(index) }
            return .success(rollout)
        }
    }

    /// A chat template that pre-fills `<judge>` leaves the tag at the prompt's end: keep it for parsing.
    static func prefilledJudge(in prompt: String) -> String? {
        guard let open = prompt.ranges(of: "<judge>").last else { return nil }
        let tail = prompt[open.lowerBound...]
        return tail.contains("</judge>") ? nil : String(tail)
    }
}

/// One OpenRLHF label: a ground-truth string, or an object carrying rollout fields.
public enum OpenRLHFLabel: Decodable, Sendable {
    /// A plain ground truth.
    case groundTruth(String)
    /// Rollout fields (`ground_truth`, `requires_reasoning`, `answer_type`, ...), or what is wrong with them.
    case object(Result<Rollout, RewardError>)

    /// Reads a string, a number or an object.
    public init(from decoder: any Decoder) throws {
        if let text = try? ScalarText(from: decoder) {
            self = .groundTruth(text.text)
            return
        }
        do throws(RewardError) {
            let reader = try JSONFieldReader(decoder, what: "a label")
            let id = try RolloutPayload.readID(reader)
            self = .object(.success(try RolloutPayload.read(reader, id: id, requireResponse: false)))
        } catch {
            self = .object(.failure(error))
        }
    }
}
