@testable import AnswerCheck
import Testing

@Suite("Multimodal properties")
struct MultimodalPropertyTests {
    @Test("IoU is in [0, 1], symmetric, 1 for a box with itself and invariant to scaling both sides")
    func iouProperties() {
        var generator = SplitMix(seed: 14)
        for _ in 0..<2_000 {
            let first = generator.box()
            let second = generator.box()
            let iou = first.iou(second)
            #expect(iou >= 0 && iou <= 1)
            #expect(iou == second.iou(first))
            #expect(first.iou(first) == 1)
            let scale = Double.random(in: 0.01...100, using: &generator)
            let scaled = { (box: Box) in Box(x1: box.x1 * scale, y1: box.y1 * scale, x2: box.x2 * scale, y2: box.y2 * scale) }
            #expect(abs(scaled(first).iou(scaled(second)) - iou) < 1e-9)
        }
    }

    @Test("disjoint boxes have IoU 0; touching edges too")
    func disjoint() {
        var generator = SplitMix(seed: 15)
        for _ in 0..<500 {
            let left = generator.box(in: 50)
            var right = generator.box(in: 50)
            right.x1 += 50
            right.x2 += 50
            #expect(left.iou(right) == 0)
        }
    }

    @Test("bbox grades the same IoU the box computes")
    func bboxAgreesWithBox() {
        var generator = SplitMix(seed: 16)
        for _ in 0..<300 {
            let truth = generator.box()
            let prediction = generator.box()
            #expect(abs(graded(.bbox, prediction.json, truth.json).score - prediction.iou(truth)) < 1e-12)
        }
    }

    @Test("boxes does not depend on the order of the predictions", arguments: AnswerOptions.BoxesMode.allCases)
    func orderInvariance(mode: AnswerOptions.BoxesMode) {
        var generator = SplitMix(seed: 17)
        for _ in 0..<100 {
            let truths = (0..<5).map { _ in generator.box() }
            // Some near copies of the truth, some repeats, some noise.
            var predictions = truths.prefix(3).map { Box(x1: $0.x1, y1: $0.y1, x2: $0.x2 + 1, y2: $0.y2) }
            predictions += [predictions[0], generator.box(), generator.box()]
            let truthText = "[" + truths.map(\.json).joined(separator: ",") + "]"
            let score = { (boxes: [Box]) in
                graded(.boxes, "[" + boxes.map(\.json).joined(separator: ",") + "]", truthText) { $0.boxesMode = mode }.score
            }
            let expected = score(predictions)
            #expect(expected >= 0 && expected <= 1)
            for _ in 0..<3 { #expect(score(predictions.shuffled(using: &generator)) == expected) }
        }
    }

    @Test("span IoU is symmetric and 1 only for the same span")
    func spanProperties() {
        var generator = SplitMix(seed: 18)
        for _ in 0..<1_000 {
            let start = Double(Int.random(in: 0..<100, using: &generator))
            let first = SpanGrader.Span(start: start, end: start + Double(Int.random(in: 1...50, using: &generator)))
            let other = Double(Int.random(in: 0..<100, using: &generator))
            let second = SpanGrader.Span(start: other, end: other + Double(Int.random(in: 1...50, using: &generator)))
            #expect(first.iou(second) == second.iou(first))
            #expect((first.iou(second) == 1) == (first == second))
        }
    }

    @Test("OCR similarity is symmetric and in [0, 1]")
    func ocrProperties() {
        var generator = SplitMix(seed: 19)
        let alphabet = Array("abc de")
        for _ in 0..<300 {
            let first = String((0..<Int.random(in: 1...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let second = String((0..<Int.random(in: 1...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let options = { (options: inout AnswerOptions) in options.collapseWhitespace = false }
            let forward = graded(.ocr, first, second, options).score
            #expect(forward >= 0 && forward <= 1)
            #expect(forward == graded(.ocr, second, first, options).score)
        }
    }
}
