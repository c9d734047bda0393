import AnswerCheck
import Testing

@testable import RewardCore

@Suite("Wire: layout, task, answer options and structured ground truths")
struct WireTaskFieldTests {
    func read(_ json: String) throws -> Rollout {
        try Wire.readRollout(Array(json.utf8)).rollout.get()
    }

    @Test("the new rollout fields are read and written back to an equal rollout")
    func roundTrip() throws {
        let json = #"{"response": "<answer>[1,2,3,4]</answer>", "ground_truth": [10, 20, 30.5, 40], "answer_type": "bbox", "layout": "r1", "task": "grounding", "answer_threshold": 0.5, "answer_options": {"iou_threshold": 0.5, "coords": "norm1000", "partial": "adjacency", "metric": "wer", "case_sensitive": true}, "image_size": [640, 480], "input_size": [320, 240]}"#
        let rollout = try read(json)
        #expect(rollout.layout == .r1)
        #expect(rollout.task == "grounding")
        #expect(rollout.answerThreshold == 0.5)
        #expect(rollout.groundTruths == ["10", "20", "30.5", "40"])
        #expect(rollout.structuredGroundTruth == nil)
        #expect(AnswerScorer.gradedTruth(rollout) == "[10,20,30.5,40]")
        let options = try #require(rollout.answerOptions)
        #expect(options.iouThreshold == 0.5)
        #expect(options.coordinates == .norm1000)
        #expect(options.orderingCredit == .adjacency)
        #expect(options.textMetric == .wer)
        #expect(options.caseSensitive)
        #expect(options.imageSize == AnswerOptions.Size(width: 640, height: 480))
        #expect(options.inputSize == AnswerOptions.Size(width: 320, height: 240))
        var writer = JSONWriter()
        rollout.write(to: &writer)
        var again = try Wire.readRollout(writer.bytes).rollout.get()
        again.warnings = rollout.warnings
        #expect(again == rollout)
    }

    @Test("a list of objects or an object is one structured ground truth; a list of strings stays alternatives")
    func structuredGroundTruth() throws {
        let boxes = try read(#"{"response": "x", "ground_truth": [{"bbox_2d": [1, 2, 3, 4], "label": "cat"}]}"#)
        #expect(boxes.groundTruths == [#"[{"bbox_2d":[1,2,3,4],"label":"cat"}]"#])
        #expect(boxes.structuredGroundTruth == boxes.groundTruths?.first)
        let point = try read(#"{"response": "x", "ground_truth": {"point": [5, 6], "radius": 3}}"#)
        #expect(point.structuredGroundTruth == #"{"point":[5,6],"radius":3}"#)
        let ordering = try read(#"{"response": "x", "ground_truth": ["B", "A", "C"]}"#)
        #expect(ordering.groundTruths == ["B", "A", "C"])
        #expect(AnswerScorer.gradedTruth(ordering) == #"["B","A","C"]"#)
        let plain = try read(#"{"response": "x", "ground_truth": "4"}"#)
        #expect(plain.structuredGroundTruth == nil)
    }

    @Test(
        "bad values name their field",
        arguments: [
            (#"{"response": "x", "layout": "xml"}"#, "layout"),
            (#"{"response": "x", "answer_options": {"coords": "inches"}}"#, "answer_options.coords"),
            (#"{"response": "x", "answer_options": {"partial": "most"}}"#, "answer_options.partial"),
            (#"{"response": "x", "answer_options": {"iou_threshold": 2}}"#, "answer_options.iou_threshold"),
            (#"{"response": "x", "answer_options": [1]}"#, "answer_options"),
            (#"{"response": "x", "image_size": [640]}"#, "image_size"),
            (#"{"response": "x", "input_size": [0, 10]}"#, "input_size"),
            (#"{"response": "x", "answer_threshold": -1}"#, "answer_threshold"),
            (#"{"response": "x", "ground_truth": [[1, 2], 3]}"#, "ground_truth"),
        ])
    func badValues(json: String, field: String) {
        guard case .failure(let error) = Wire.readRollout(Array(json.utf8)).rollout else {
            Issue.record("\(json) was accepted")
            return
        }
        #expect(error.field == field)
    }

    @Test("an unknown answer_options key is a warning naming the closest key")
    func unknownOptionKey() throws {
        let rollout = try read(#"{"response": "x", "answer_options": {"iou_treshold": 0.5}}"#)
        #expect(rollout.warnings.map(\.field) == ["answer_options.iou_treshold"])
        #expect(rollout.warnings.first?.message.contains("iou_threshold") == true)
    }

    @Test("a request's config reads layout and a task map; a tasks file reads the same map")
    func taskMaps() throws {
        let body = #"{"rollouts": [{"response": "x"}], "config": {"layout": "glm", "tasks": {"count": {"answer_type": "count", "layout": "r1"}, "ocr": {"answer_type": "ocr", "answer_options": {"metric": "wer"}, "answer_threshold": 0.8}}}}"#
        let request = try Wire.readRewardRequest(Array(body.utf8))
        let config = try #require(request.config)
        #expect(config.layout == .glm)
        #expect(config.tasks?["count"] == TaskProfile(answerType: .count, layout: .r1))
        #expect(config.tasks?["ocr"]?.answerOptions?.textMetric == .wer)
        let options = try RequestConfig().overlaid(with: config).scoringOptions()
        #expect(options.layout == .glm)
        #expect(options.tasks.keys.sorted() == ["count", "ocr"])
        #expect(throws: RewardError.self) { try TaskProfile.map(json: Array(#"{"count": {"answer_typ": "count"}}"#.utf8)) }
        let fromFile = try TaskProfile.map(json: Array(#"{"count": {"answer_type": "count"}}"#.utf8))
        #expect(fromFile["count"]?.answerType == .count)
    }
}
