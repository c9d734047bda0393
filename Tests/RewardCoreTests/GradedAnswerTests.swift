import AnswerCheck
import Testing

@testable import RewardCore

@Suite("Graded answers through the engine: layouts, rescaling, thresholds and hedging")
struct GradedAnswerTests {
    /// Scores one rollout line in rules mode with the default SAIL formula (judge and think skip as 1 here).
    func score(_ json: String, options: ScoringOptions = ScoringOptions()) throws -> RewardResult {
        RewardEngine().scoreWithRules(try Wire.readRollout(Array(json.utf8)).rollout.get(), options: options)
    }

    @Test(
        "each graded type gives its hand-computed answer and reward (0.9 * answer + 0.1 * format)",
        arguments: [
            // A Qwen-VL box in the model's 500x500 input, rescaled x2 to the 1000x1000 image: IoU 1.
            (#""answer_type": "bbox", "ground_truth": [100, 100, 300, 300], "image_size": [1000, 1000], "input_size": [500, 500], "response": "<think>the cat</think><answer>{\"bbox_2d\": [50, 50, 150, 150], \"label\": \"cat\"}</answer>""#, 1.0, 1.0),
            // [0,0,10,5] inside [0,0,10,10]: 50 / 100 = 0.5; reward 0.9 * 0.5 + 0.1 = 0.55.
            (#""answer_type": "bbox", "ground_truth": [0, 0, 10, 10], "response": "<think>a</think><answer>[0, 0, 10, 5]</answer>""#, 0.5, 0.55),
            // from 12 to 20 against [10, 20]: overlap 8 over union 10 = 0.8; reward 0.82.
            (#""answer_type": "span", "ground_truth": [10, 20], "response": "<think>a</think><answer>from 12 to 20 seconds</answer>""#, 0.8, 0.82),
            (#""answer_type": "count", "ground_truth": 7, "response": "<think>a</think><answer>There are seven cats.</answer>""#, 1.0, 1.0),
            // B A C D against A B C D: positions 3 and 4 right = 0.5; reward 0.55.
            (#""answer_type": "ordering", "ground_truth": ["A", "B", "C", "D"], "response": "<think>a</think><answer>B, A, C, D</answer>""#, 0.5, 0.55),
            (#""answer_type": "multi_choice", "ground_truth": "ACD", "response": "<think>a</think><answer>A, C and D</answer>""#, 1.0, 1.0),
            // "hello world" against "hello word": one deletion over 11 characters.
            (#""answer_type": "ocr", "ground_truth": "hello world", "response": "<think>a</think><answer>hello word</answer>""#, 10.0 / 11.0, 0.9 * 10.0 / 11.0 + 0.1),
            (#""answer_type": "point", "ground_truth": [0, 0, 10, 10], "response": "<think>a</think><answer>(5, 5)</answer>""#, 1.0, 1.0),
        ])
    func handComputed(fields: String, answer: Double, reward: Double) throws {
        let result = try score(#"{"layout": "r1", \#(fields)}"#)
        #expect(abs((result.components[.answer] ?? -1) - answer) < 1e-9, "\(result.reasons)")
        #expect(abs((result.reward ?? -1) - reward) < 1e-9)
    }

    @Test("answer_threshold turns a small grade into a wrong answer, and accuracy follows it")
    func threshold() throws {
        let json = #"{"layout": "r1", "answer_type": "bbox", "ground_truth": [0, 0, 10, 10], "answer_threshold": 0.6, "response": "<think>a</think><answer>[0, 0, 10, 5]</answer>"}"#
        let result = try score(json)
        #expect(result.components[.answer] == 0)
        #expect(result.reasons[.answer] == AnswerReason.belowThreshold.rawValue)
        #expect(result.accuracy == 0)
        let good = try score(json.replacingOccurrences(of: "10, 5]", with: "10, 9]"))
        #expect(good.components[.answer] == 0.9)
        #expect(good.accuracy == 1)
    }

    @Test("two different boxes in two answer blocks are hedging: 0, never the better one")
    func hedging() throws {
        let result = try score(#"{"layout": "r1", "answer_type": "bbox", "ground_truth": [0, 0, 10, 10], "response": "<think>a</think><answer>[0, 0, 10, 10]</answer><answer>[50, 50, 60, 60]</answer>"}"#)
        #expect(result.components[.answer] == 0)
        #expect(result.reasons[.answer] == AnswerReason.conflictingBoxes.rawValue)
    }

    @Test("a task map sends a bare rollout to its type, options and layout")
    func taskMap() throws {
        var options = ScoringOptions()
        options.tasks = ["grounding": TaskProfile(answerType: .bbox, answerOptions: { var o = AnswerOptions(); o.iouThreshold = 0.5; return o }(), layout: .r1)]
        let result = try score(#"{"task": "grounding", "ground_truth": [0, 0, 10, 10], "response": "<think>a</think><answer>[0, 0, 10, 6]</answer>"}"#, options: options)
        #expect(result.components[.answer] == 1)
        #expect(result.components[.format] == 1)
    }

    @Test("a batch's groups carry pass_rate, learnability and keep from continuous rewards")
    func groups() async throws {
        let lines = [
            #"{"group": "g", "layout": "r1", "answer_type": "bbox", "ground_truth": [0, 0, 10, 10], "response": "<think>a</think><answer>[0, 0, 10, 10]</answer>"}"#,
            #"{"group": "g", "layout": "r1", "answer_type": "bbox", "ground_truth": [0, 0, 10, 10], "response": "<think>a</think><answer>[0, 0, 10, 2]</answer>"}"#,
            #"{"group": "same", "layout": "r1", "answer_type": "count", "ground_truth": 3, "response": "<think>a</think><answer>3</answer>"}"#,
            #"{"group": "same", "layout": "r1", "answer_type": "count", "ground_truth": 3, "response": "<think>a</think><answer>three</answer>"}"#,
        ]
        let batch = await RewardEngine().scoreBatch(lines.map { Wire.readRollout(Array($0.utf8)) }, options: ScoringOptions())
        let g = try #require(batch.groups["g"])
        #expect(g.passRate == 0.5)
        #expect(g.learnability == 0.25)
        #expect(g.keep)
        let same = try #require(batch.groups["same"])
        #expect(same.passRate == 1)
        #expect(same.learnability == 0)
        #expect(!same.keep)
        #expect(batch.results[0].advantage! > 0 && batch.results[1].advantage! < 0)
    }
}
