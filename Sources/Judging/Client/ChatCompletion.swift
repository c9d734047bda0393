import Foundation

/// A chat-completions request body, encoded as OpenAI-compatible servers expect it.
struct ChatCompletionRequest: Encodable, Sendable {
    struct Message: Encodable, Sendable {
        var role: String
        var content: Content
    }

    /// Plain text, or parts when images travel along (text-only servers accept the plain form).
    enum Content: Encodable, Sendable {
        case text(String)
        case parts([Part])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .parts(let parts): try container.encode(parts)
            }
        }
    }

    struct Part: Encodable, Sendable {
        struct ImageURL: Encodable, Sendable { var url: String }
        var type: String
        var text: String?
        var imageURL: ImageURL?

        static func text(_ text: String) -> Part { Part(type: "text", text: text) }
        static func image(_ url: String) -> Part { Part(type: "image_url", imageURL: ImageURL(url: url)) }

        enum CodingKeys: String, CodingKey {
            case type, text
            case imageURL = "image_url"
        }
    }

    struct ResponseFormat: Encodable, Sendable { var type: String }

    var model: String
    var messages: [Message]
    var temperature: Double
    var maxTokens: Int
    var responseFormat: ResponseFormat?
    var stream = false

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case maxTokens = "max_tokens"
        case responseFormat = "response_format"
    }
}

/// The parts of a chat-completions answer the judge reads.
struct ChatCompletionResponse: Decodable, Sendable {
    struct Choice: Decodable, Sendable {
        struct Message: Decodable, Sendable { var content: String? }
        var message: Message?
    }

    struct Usage: Decodable, Sendable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var choices: [Choice]
    var usage: Usage?

    /// The first choice's text, if the server sent one.
    var text: String? { choices.first?.message?.content }
}
