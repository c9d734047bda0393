import AnswerCheck
import Foundation

/// One rollout as read from JSON: the rollout, or the error naming the field that is wrong.
/// Decoding never throws, so one bad item of a batch cannot fail the others.
public struct RolloutPayload: Decodable, Sendable {
    /// The rollout or what is wrong with it.
    public var rollout: Result<Rollout, RewardError>
    /// The id, when it could be read, so an invalid item's error still carries it.
    public var id: RolloutID?

    /// Reads a rollout object.
    public init(from decoder: any Decoder) {
        do throws(RewardError) {
            let reader = try JSONFieldReader(decoder, what: "a rollout")
            id = try Self.readID(reader)
            rollout = .success(try Self.read(reader, id: id))
        } catch {
            rollout = .failure(error)
        }
    }

    static func readID(_ reader: JSONFieldReader) throws(RewardError) -> RolloutID? {
        guard reader.isPresent("id") else { return nil }
        if let text = try? reader.container.decode(String.self, forKey: AnyKey("id")) { return .string(text) }
        if let integer = try? reader.container.decode(Int.self, forKey: AnyKey("id")) { return .integer(integer) }
        throw RewardError(code: "wrong_type", message: "id must be a string or an integer", field: "id")
    }

    static func read(_ reader: JSONFieldReader, id: RolloutID?, requireResponse: Bool = true) throws(RewardError) -> Rollout {
        let response = try reader.string("response") ?? (requireResponse ? nil : "")
        guard let response else {
            throw RewardError(code: "missing_field", message: "response is required", field: "response")
        }
        return Rollout(
            id: id,
            prompt: try reader.string("prompt") ?? "",
            response: response,
            groundTruths: try readGroundTruths(reader),
            answerType: try reader.choice(AnswerType.self, "answer_type") ?? .auto,
            requiresReasoning: try reader.bool("requires_reasoning"),
            images: try reader.strings("images") ?? [],
            group: try reader.scalarText("group"),
            tolerance: try reader.number("tolerance", in: 0...1),
            prefix: try reader.string("prefix")
        )
    }

    /// A ground truth is a string, a number, or a list of them.
    static func readGroundTruths(_ reader: JSONFieldReader) throws(RewardError) -> [String]? {
        guard reader.isPresent("ground_truth") else { return nil }
        if let list = try? reader.container.decode([ScalarText].self, forKey: AnyKey("ground_truth")) {
            return list.map(\.text)
        }
        guard let single = try reader.scalarText("ground_truth") else { return nil }
        return [single]
    }
}

/// A JSON string or number, as text.
struct ScalarText: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            text = value
        } else if let value = try? container.decode(Int.self) {
            text = String(value)
        } else {
            text = "\(try container.decode(Double.self))"
        }
    }
}
