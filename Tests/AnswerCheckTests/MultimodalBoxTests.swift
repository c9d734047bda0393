@testable import AnswerCheck
import Testing

@Suite("Multimodal boxes and points")
struct MultimodalBoxTests {
    static let truth = "[10,20,30,40]"  // area 20 x 20 = 400

    @Test(
        "bbox scores the IoU of the one predicted box",
        arguments: [
            ("[10, 20, 30, 40]", 1.0),
            // x 10..20 (10) by y 20..40 (20) = 200 over 800 + 400 - 200 = 1000.
            ("[0, 0, 20, 40]", 0.2),
            // x 20..30 (10) by 20 = 200 over 400 + 400 - 200 = 600.
            ("[20, 20, 40, 40]", 1.0 / 3),
            ("[50, 50, 60, 60]", 0),
            ("(10,20),(30,40)", 1),
            ("```json\n[{\"bbox_2d\": [10, 20, 30, 40], \"label\": \"cat\"}]\n```", 1),
            ("The box is x1=10, y1=20, x2=30, y2=40.", 1),
            (#"{"x1": 10, "y1": 20, "x2": 30, "y2": 40}"#, 1),
            (#"{"ymin": 20, "xmin": 10, "ymax": 40, "xmax": 30}"#, 1),  // edges named in any order
            (#""[10, 20, 30, 40]""#, 1),  // the whole answer quoted as a JSON string
            ("[10,20,30,40] in the answer, and again [10, 20, 30, 40]", 1),
        ] as [(String, Double)])
    func bbox(answer: String, expected: Double) {
        #expect(abs(graded(.bbox, answer, Self.truth).score - expected) < 1e-12)
    }

    @Test("the ground truth may arrive as a JSON string")
    func quotedTruth() { #expect(graded(.bbox, "[10,20,30,40]", "\"[10,20,30,40]\"").score == 1) }

    @Test("iou_threshold makes bbox 0/1 (IoU 1/3 here)", arguments: [(0.3, 1.0), (0.5, 0.0)])
    func threshold(threshold: Double, expected: Double) {
        #expect(graded(.bbox, "[20, 20, 40, 40]", Self.truth) { $0.iouThreshold = threshold }.score == expected)
    }

    @Test("coordinates are rescaled to the original image")
    func coordinates() {
        let image = AnswerOptions.Size(width: 100, height: 100)
        // 100/1000 x 100 = 10, 200/1000 x 100 = 20, ...
        #expect(graded(.bbox, "[100,200,300,400]", Self.truth) { $0.coordinates = .norm1000; $0.imageSize = image }.score == 1)
        // 0.05 x 200 = 10, 0.2 x 100 = 20, 0.15 x 200 = 30, 0.4 x 100 = 40.
        let wide = AnswerOptions.Size(width: 200, height: 100)
        #expect(graded(.bbox, "[0.05, 0.2, 0.15, 0.4]", Self.truth) { $0.coordinates = .norm1; $0.imageSize = wide }.score == 1)
        // Input 200 x 200 to image 100 x 100 halves every coordinate.
        let input = AnswerOptions.Size(width: 200, height: 200)
        #expect(graded(.bbox, "[20,40,60,80]", Self.truth) { $0.inputSize = input; $0.imageSize = image }.score == 1)
        // Without an image size, a normalised ground truth is compared as is.
        #expect(graded(.bbox, "[100,200,300,400]", "[100,200,300,400]") { $0.coordinates = .norm1000 }.score == 1)
    }

    static let pets = #"[{"bbox_2d":[10,20,30,40],"label":"cat"},{"bbox_2d":[50,50,60,60],"label":"dog"}]"#

    @Test(
        "boxes matches one to one with equal labels",
        arguments: [
            (#"[{"bbox_2d": [10,20,30,40], "label": "Cat "}, {"bbox_2d": [50,50,60,60], "label": "dog"}]"#, AnswerOptions.BoxesMode.f1, 1.0),
            // One of two found, nothing extra: 2 x 1 / (1 + 2).
            (#"[{"bbox_2d": [10,20,30,40], "label": "cat"}]"#, .f1, 2.0 / 3),
            // The same cat twice matches once: 2 x 1 / (2 + 2).
            (#"[{"bbox_2d": [10,20,30,40], "label": "cat"}, {"bbox_2d": [10,20,30,40], "label": "cat"}]"#, .f1, 0.5),
            (#"[{"bbox_2d": [10,20,30,40], "label": "dog"}, {"bbox_2d": [50,50,60,60], "label": "cat"}]"#, .f1, 0),
            // IoU 1 for the cat, 0 for the dog (unmatched): 1 / max(2, 2).
            (#"[{"bbox_2d": [10,20,30,40], "label": "cat"}, {"bbox_2d": [0,0,5,5], "label": "dog"}]"#, .meanIoU, 0.5),
            // precision 1/2, recall 1/2: AP 1/4, times min(1, 2/2).
            (#"[{"bbox_2d": [10,20,30,40], "label": "cat"}, {"bbox_2d": [0,0,5,5], "label": "dog"}]"#, .map50, 0.25),
            // precision 1, recall 1/2: AP 1/2, times min(1, 2/1).
            (#"[{"bbox_2d": [10,20,30,40], "label": "cat"}]"#, .map50, 0.5),
        ])
    func boxes(answer: String, mode: AnswerOptions.BoxesMode, expected: Double) {
        #expect(abs(graded(.boxes, answer, Self.pets) { $0.boxesMode = mode }.score - expected) < 1e-12)
    }

    @Test("mean IoU sums the matched IoU; the threshold decides what matches")
    func meanIoU() {
        let truth = "[[0,0,10,10],[20,20,30,30]]"
        // [0,0,10,5] overlaps 50 of 100: IoU 0.5, matched at 0.5; (0.5 + 1) / 2.
        #expect(graded(.boxes, "[[0,0,10,5],[20,20,30,30]]", truth) { $0.boxesMode = .meanIoU }.score == 0.75)
        // At 0.9 only the exact box matches: 1 / 2.
        #expect(graded(.boxes, "[[0,0,10,5],[20,20,30,30]]", truth) { $0.boxesMode = .meanIoU; $0.iouThreshold = 0.9 }.score == 0.5)
        // An unlabelled ground truth accepts any label.
        #expect(graded(.boxes, #"{"bbox_2d": [0,0,10,10], "label": "x"} and [20,20,30,30]"#, truth).score == 1)
    }

    @Test("empty lists")
    func emptyLists() {
        #expect(graded(.boxes, "[]", "[]").score == 1)
        #expect(graded(.boxes, "There is nothing to find.", "[]").score == 1)
        #expect(graded(.boxes, "[[1,2,3,4]]", "[]") == .zero(.notEquivalent))
        #expect(graded(.boxes, "[]", "[[1,2,3,4]]") == .zero(.noPrediction))
    }

    @Test(
        "point lands in a box or within a radius",
        arguments: [
            ("[15, 25]", "[10,20,30,40]", nil, 1.0),
            ("[5, 25]", "[10,20,30,40]", nil, 0),
            ("(10, 20)", "[10,20,30,40]", nil, 1),  // edges count
            ("x=15, y=25", "[10,20,30,40]", nil, 1),
            (#"{"point_2d": [5, 7]}"#, #"{"point":[5,6],"radius":10}"#, nil, 1),  // distance 1
            ("(50, 7)", #"{"point":[5,6],"radius":10}"#, nil, 0),  // distance 45
            ("[13, 14]", "[5,6]", 10, 0),  // distance sqrt(64 + 64) = 11.3
            ("[13, 14]", "[5,6]", 12, 1),
            ("[5, 6]", "[5,6]", nil, 1),  // no radius: an exact hit
        ] as [(String, String, Double?, Double)])
    func point(answer: String, truth: String, radius: Double?, expected: Double) {
        #expect(graded(.point, answer, truth) { $0.radius = radius }.score == expected)
    }

    @Test("a normalised point is rescaled to the image")
    func normalisedPoint() {
        // 150/1000 x 100 = 15, 250/1000 x 100 = 25: inside [10,20,30,40].
        let grade = graded(.point, "[150, 250]", "[10,20,30,40]") {
            $0.coordinates = .norm1000
            $0.imageSize = .init(width: 100, height: 100)
        }
        #expect(grade.score == 1)
    }
}
