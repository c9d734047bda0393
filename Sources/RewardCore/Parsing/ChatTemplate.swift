/// The assistant turn of a chat-templated text, found by the common templates' headers.
public enum ChatTemplate {
    /// Headers that open an assistant turn, with the template family they belong to.
    static let assistantHeaders: [(header: String, template: String)] = [
        ("<|im_start|>assistant", "ChatML/Qwen"),
        ("<|start_header_id|>assistant<|end_header_id|>", "Llama 3"),
        ("<start_of_turn>model", "Gemma"),
        ("<|assistant|>", "Phi/GLM"),
        ("<｜Assistant｜>", "DeepSeek"),
        ("[/INST]", "Mistral"),
    ]

    /// Tokens that close a turn or the text; removed from the end of the reply.
    static let endTokens = ["<|im_end|>", "<|eot_id|>", "<end_of_turn>", "<|end|>", "<|endoftext|>", "</s>", "<｜end▁of▁sentence｜>"]

    /// The text after the last assistant header (its closing tokens removed), where it starts, and the template's name.
    public static func lastAssistantReply(in text: String) -> (text: String, start: String.Index, template: String)? {
        var best: (range: Range<String.Index>, template: String)?
        for (header, template) in assistantHeaders {
            guard let range = text.ranges(of: header).last else { continue }
            if best.map({ range.lowerBound > $0.range.lowerBound }) ?? true { best = (range, template) }
        }
        guard let best else { return nil }
        var reply = text[best.range.upperBound...]
        for _ in 0..<2 where reply.first == "\n" { reply = reply.dropFirst() }
        var trimmed = true
        while trimmed {
            trimmed = false
            while let last = reply.last, last.isWhitespace { reply = reply.dropLast() }
            for token in endTokens where reply.hasSuffix(token) {
                reply = reply.dropLast(token.count)
                trimmed = true
            }
        }
        return (String(reply), best.range.upperBound, best.template)
    }
}
