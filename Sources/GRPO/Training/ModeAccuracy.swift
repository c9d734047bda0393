import RewardCore

/// Accuracy of greedy answers when the mode is forced, the SFT gate's measure.
public enum ModeAccuracy {
    /// Fraction of `items` answered correctly when the response is pre-filled with the mode's
    /// judge and think opening (`<judge>think</judge><think>` or the direct equivalent).
    public static func forced(thinking: Bool, model: Transformer, items: [TaskItem], maxNewTokens: Int) -> Double {
        let tokenizer = Tokenizer()
        let prefix = thinking ? "<judge>think</judge><think>" : "<judge>direct</judge><think>\n\n</think>"
        let prefixTokens = (try? tokenizer.encode(prefix)) ?? []
        let prompts = items.map { SFTTrainer.promptTokens($0, tokenizer) + prefixTokens }
        var rng = RandomStream(seed: 0, stream: "greedy")
        let generations = Sampler(model: model).generate(
            prompts: prompts, params: SamplingParams(maxNewTokens: maxNewTokens, greedy: true), rng: &rng)
        var correct = 0
        for (item, g) in zip(items, generations) {
            let parsed = ResponseParser().parse(tokenizer.decode(g.tokens), prefix: prefix)
            // Hedging between boxes is no answer, as the service's guard has it.
            guard let answer = parsed.finalAnswer, parsed.boxes.allSatisfy({ $0 == answer }) else { continue }
            if Int(answer.trimmingCharacters(in: .whitespaces)) == item.answer { correct += 1 }
        }
        return Double(correct) / Double(max(items.count, 1))
    }
}
