@testable import AnswerCheck
import Testing

@Suite("Multimodal spans, orderings, counts, text and option sets")
struct MultimodalTextTests {
    @Test(
        "span scores the temporal IoU",
        arguments: [
            ("[12.5, 20.1]", "[12.5,20.1]", 1.0),
            ("12.5 - 20.1 seconds", "[12.5,20.1]", 1),
            ("from 00:12 to 00:20", "[12,20]", 1),
            ("1:02:03.5 - 1:02:09", "[3723.5,3729]", 1),  // 3600 + 120 + 3.5
            // 15..20 in common (5) over 10 + 10 - 5 = 15.
            ("from 10 to 20 seconds", "[15,25]", 1.0 / 3),
            (#"{"start": 0, "end": 10}"#, "[5,15]", 1.0 / 3),
            ("[30, 40]", "[15,25]", 0),
        ] as [(String, String, Double)])
    func span(answer: String, truth: String, expected: Double) {
        #expect(abs(graded(.span, answer, truth).score - expected) < 1e-12)
    }

    @Test("iou_threshold makes span 0/1 too")
    func spanThreshold() { #expect(graded(.span, "from 10 to 20 seconds", "[15,25]") { $0.iouThreshold = 0.3 }.score == 1) }

    @Test(
        "ordering gives credit by positions, adjacent pairs or exactly",
        arguments: [
            ("2, 1, 3", "[2,1,3]", AnswerOptions.OrderingCredit.positions, 1.0),
            ("[2,1,3]", "[2,1,3]", .positions, 1),
            ("1, 2, 3", "[2,1,3]", .positions, 1.0 / 3),  // only the 3 is in place
            ("B > A > C", #"["B","A","C"]"#, .positions, 1),
            ("B A C", #"["B","A","C"]"#, .positions, 1),
            ("The order is B, A, C.", #"["B","A","C"]"#, .positions, 1),
            ("B -> A -> C", #"["B","A","C"]"#, .exact, 1),
            // Truth pairs AB, BC, CD; in A B D C only AB stands together in order.
            ("A B D C", #"["A","B","C","D"]"#, .adjacency, 1.0 / 3),
            ("A B D C", #"["A","B","C","D"]"#, .positions, 0.5),
            ("A B D C", #"["A","B","C","D"]"#, .exact, 0),
            (#""a dog", "the cat""#, #"["the cat","a dog"]"#, .positions, 0),
            (#""the cat", "a dog""#, #"["the cat","a dog"]"#, .positions, 1),
            ("1. B\n2. A\n3. C", #"["B","A","C"]"#, .positions, 1),  // a numbered list
            ("1. 2\n2. 1\n3. 3", "[2,1,3]", .positions, 1),
        ] as [(String, String, AnswerOptions.OrderingCredit, Double)])
    func ordering(answer: String, truth: String, credit: AnswerOptions.OrderingCredit, expected: Double) {
        #expect(abs(graded(.ordering, answer, truth) { $0.orderingCredit = credit }.score - expected) < 1e-12)
    }

    @Test(
        "count reads digits and number words",
        arguments: [
            ("7", 7, 1.0), ("There are 7 cats.", 7, 1), ("seven", 7, 1), ("twelve", 12, 1), ("twenty-one", 21, 1),
            ("one hundred and five", 105, 1), ("three thousand two hundred and one", 3201, 1),
            ("two thousand and twenty-four", 2024, 1), ("1,000", 1000, 1), ("7.0", 7, 1), ("seven (7)", 7, 1), (#""7""#, 7, 1), (#"{"count": "7"}"#, 7, 1),
            ("7.5", 7, 0), ("8", 7, 0), ("Eight cats", 7, 0),
        ] as [(String, Int, Double)])
    func count(answer: String, truth: Int, expected: Double) {
        #expect(graded(.count, answer, String(truth)).score == expected)
    }

    @Test(
        "ocr scores one minus the normalised edit distance",
        arguments: [
            ("Hello World", "hello  world", 1.0),
            ("Hello Wurld", "hello world", 10.0 / 11),  // one substitution in 11
            ("kitten", "sitting", 4.0 / 7),  // k->s, e->i, +g: 3 of 7
            ("```\nhello\n```", "hello", 1),
            ("", "", 1),
            ("abc", "", 0),
        ] as [(String, String, Double)])
    func ocr(answer: String, truth: String, expected: Double) {
        #expect(abs(graded(.ocr, answer, truth).score - expected) < 1e-12)
    }

    @Test("ocr options: case, whitespace, words and threshold")
    func ocrOptions() {
        #expect(graded(.ocr, "Hello", "hello") { $0.caseSensitive = true }.score == 0.8)  // 1 of 5
        #expect(graded(.ocr, "a  b", "a b") { $0.collapseWhitespace = false }.score == 0.75)  // 1 of 4
        #expect(abs(graded(.ocr, "a b c", "a b d") { $0.textMetric = .wer }.score - 2.0 / 3) < 1e-12)  // 1 of 3 words
        #expect(graded(.ocr, "Hello Wurld", "hello world") { $0.threshold = 0.9 }.score == 1)  // 0.909
        #expect(graded(.ocr, "Hello Wurld", "hello world") { $0.threshold = 0.95 }.score == 0)
    }

    @Test(
        "multi_choice reads option letters in any dress",
        arguments: [
            "ACD", "A, C and D", "(A)(C)(D)", #"["A","C","D"]"#, "The answers are A, C and D.", "a, c, d",
            "I think A, C and D", "\\text{A}, \\text{C}, \\text{D}", "A/C/D",
        ])
    func multiChoice(answer: String) {
        #expect(graded(.multiChoice, answer, #""ACD""#).score == 1)
    }

    @Test("multi_choice is exact by default, F1 on request")
    func multiChoiceCredit() {
        #expect(graded(.multiChoice, "A, C", "A, C, D") == .zero(.notEquivalent))
        #expect(graded(.multiChoice, "A, C", "A, C, D") { $0.setCredit = .f1 }.score == 0.8)  // 2 x 2 / (2 + 3)
        #expect(abs(graded(.multiChoice, "ABCD", "ACD") { $0.setCredit = .f1 }.score - 6.0 / 7) < 1e-12)  // 2 x 3 / (4 + 3)
        #expect(graded(.multiChoice, "Both options are wrong", "ACD") == .zero(.noPrediction))
    }
}
