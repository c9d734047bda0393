@testable import AnswerCheck
import Testing

@Suite("Multimodal guards")
struct MultimodalGuardTests {
    static let box = "[10,20,30,40]"
    static let image = AnswerOptions.Size(width: 100, height: 100)

    @Test(
        "a box answer that cannot be graded scores 0 with its reason",
        arguments: [
            ("[10,20,30,40] or maybe [0,0,5,5]", AnswerReason.severalPredictions),
            ("[30,20,10,40]", .degenerateBox),  // x2 < x1
            ("[10,20,10,40]", .degenerateBox),  // zero width
            ("[NaN, 20, 30, 40]", .invalidNumber),
            ("[Infinity, 20, 30, 40]", .invalidNumber),
            ("[1e8, 20, 30, 40]", .invalidNumber),
            ("[1" + String(repeating: "0", count: 60) + ", 20, 30, 40]", .invalidNumber),
            ("[10, 20, 30]", .malformedPrediction),
            ("the cat on the left", .noPrediction),
            ("", .noPrediction),
        ])
    func bboxGuards(answer: String, reason: AnswerReason) {
        #expect(graded(.bbox, answer, Self.box) == .zero(reason))
    }

    @Test("boxes outside the image are refused")
    func outside() {
        #expect(graded(.bbox, "[10,20,30,400]", Self.box) { $0.imageSize = Self.image } == .zero(.outsideImage))
        #expect(graded(.bbox, "[0,0,2,0.5]", Self.box) { $0.coordinates = .norm1 } == .zero(.outsideImage))
        #expect(graded(.bbox, "[10,20,1200,400]", Self.box) { $0.coordinates = .norm1000 } == .zero(.outsideImage))
        #expect(graded(.point, "[150, 25]", Self.box) { $0.imageSize = Self.image } == .zero(.outsideImage))
        // One bad box spoils a list.
        #expect(graded(.boxes, "[[10,20,30,40],[10,20,30,400]]", Self.box) { $0.imageSize = Self.image } == .zero(.outsideImage))
        #expect(graded(.boxes, "[[10,20,30,40],[30,20,10,40]]", Self.box) == .zero(.degenerateBox))
    }

    @Test("a hundred thousand predicted boxes are refused without matching them")
    func manyBoxes() {
        let answer = "[" + String(repeating: "[1,1,2,2],", count: 100_000) + "[1,1,2,2]]"
        #expect(graded(.boxes, answer, Self.box) == .zero(.tooComplex))  // 1 MB: over the 256 KiB cap
        let twentyThousand = "[" + String(repeating: "[1,1,2,2],", count: 20_000) + "[1,1,2,2]]"
        #expect(graded(.boxes, twentyThousand, Self.box) == .zero(.tooManyPredictions))  // 200 KB: the scan stops
        let thousandAndOne = "[" + Array(repeating: "[1,1,2,2]", count: 1_001).joined(separator: ",") + "]"
        #expect(graded(.boxes, thousandAndOne, Self.box) == .zero(.tooManyPredictions))
    }

    @Test("deep nesting and unclosed quotes are read linearly")
    func hostileText() {
        let nested = String(repeating: "[", count: 30_000) + "10,20,30,40" + String(repeating: "]", count: 30_000)
        #expect(graded(.bbox, nested, Self.box).score == 1)
        #expect(graded(.bbox, "\"" + String(repeating: "a \\\" b [", count: 6_000), Self.box) == .zero(.noPrediction))
        #expect(graded(.bbox, String(repeating: "x", count: (1 << 16) + 1), Self.box) == .zero(.tooComplex))
        #expect(graded(.boxes, String(repeating: "x", count: (1 << 18) + 1), Self.box) == .zero(.tooComplex))
    }

    @Test(
        "span, ordering, count and point guards",
        arguments: [
            (AnswerType.span, "[20, 10]", "[12,20]", AnswerReason.invalidSpan),
            (.span, "from 20 to 10 seconds", "[12,20]", .invalidSpan),
            (.span, "[-5, 10]", "[12,20]", .invalidSpan),
            (.span, "[1, 2] or [3, 4]", "[12,20]", .severalPredictions),
            (.span, "[1, 2, 3]", "[12,20]", .malformedPrediction),
            (.span, "at 12, 15 or 20 seconds", "[12,20]", .severalPredictions),
            (.span, "[NaN, 20]", "[12,20]", .invalidNumber),
            (.ordering, "A, A, C", #"["B","A","C"]"#, .notAPermutation),
            (.ordering, "A, B", #"["B","A","C"]"#, .notAPermutation),
            (.ordering, "A, B, C, D", #"["B","A","C"]"#, .notAPermutation),
            (.ordering, "", #"["B","A","C"]"#, .noPrediction),
            (.ordering, "The order is B, A, C, D.", #"["B","A","C"]"#, .notAPermutation),
            (.ordering, "4 > 2 > 1 > 3", "[2,1,3]", .notAPermutation),
            (.count, "7 or 8", "7", .severalPredictions),
            (.count, "There are 7 cats in 2 rows", "7", .severalPredictions),
            (.count, "no idea", "7", .noPrediction),
            (.point, "[1, 2] or [3, 4]", "[0,0,10,10]", .severalPredictions),
            (.point, "[1, 2, 3, 4]", "[0,0,10,10]", .malformedPrediction),
            (.multiChoice, "none of them", "AB", .noPrediction),
        ])
    func otherGuards(type: AnswerType, answer: String, truth: String, reason: AnswerReason) {
        #expect(graded(type, answer, truth) == .zero(reason))
    }

    @Test(
        "a malformed ground truth scores 0 as unparseable",
        arguments: [
            (AnswerType.bbox, "cat"), (.bbox, "[1,2,3]"), (.bbox, "[3,2,1,4]"), (.bbox, "[[1,2,3,4],[5,6,7,8]]"),
            (.boxes, "[[1,2,3]]"), (.point, "[1,2,3]"), (.span, "[5]"), (.span, "[10, 5]"), (.count, "many"),
            (.count, "7.5"), (.ordering, "[1,1,2]"), (.multiChoice, "none"),
        ])
    func malformedTruth(type: AnswerType, truth: String) {
        #expect(graded(type, "[1,2,3,4]", truth) == .zero(.unparseableGroundTruth))
    }

    @Test("an empty ground truth is refused, except for text recognition", arguments: [AnswerType.bbox, .boxes, .span, .count])
    func emptyTruth(type: AnswerType) {
        #expect(graded(type, "[1,2,3,4]", "  ") == .zero(.emptyGroundTruth))
    }

    @Test("text recognition bounds its work")
    func ocrBounds() {
        let long = String(repeating: "abcdefghij", count: 3_000)
        #expect(graded(.ocr, long, long + "x") == .zero(.tooComplex))  // 30,001 characters: over the cap
        #expect(graded(.ocr, String(repeating: "ab", count: 200), "ab") == .zero(.tooComplex))  // 400 > 4 x 2 + 32
        let first = String(repeating: "ab", count: 1_500)
        let second = String(repeating: "ba", count: 1_500)
        #expect(graded(.ocr, first, second) == .zero(.tooComplex))  // ~3,000 x 3,000 cells after trimming
        #expect(graded(.ordering, String(repeating: "A > ", count: 20_000), "[\"A\"]") == .zero(.tooComplex))  // 80 KB
        // 16 x 7 + 1,024 = 1,136 bytes at most for a three-item truth.
        #expect(graded(.ordering, String(repeating: "x", count: 1_200) + " 2, 1, 3", "[2,1,3]") == .zero(.tooComplex))
        #expect(graded(.ordering, String(repeating: "x", count: 1_000) + " 2, 1, 3", "[2,1,3]").score == 1)
    }
}
