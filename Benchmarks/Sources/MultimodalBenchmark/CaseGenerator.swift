import AnswerCheck

/// Seeded cases per answer type, so every run times the same work.
struct CaseGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// One case: answer text, ground-truth text and options.
    mutating func makeCase(_ type: AnswerType, hostile: Bool) -> (String, String, AnswerOptions) {
        var options = AnswerOptions()
        if hostile { return (Self.hostileAnswers.randomElement(using: &self)!.text, truth(type), options) }
        switch type {
        case .bbox:
            let box = self.box()
            options.iouThreshold = Bool.random(using: &self) ? 0.5 : nil
            return (dressed(jittered(box)), "[" + box.map { "\($0)" }.joined(separator: ",") + "]", options)
        case .boxes:
            let boxes = (0..<Int.random(in: 1...20, using: &self)).map { _ in self.box() }
            options.boxesMode = AnswerOptions.BoxesMode.allCases.randomElement(using: &self)!
            let truth = "[" + boxes.map { #"{"bbox_2d":\#(json($0)),"label":"cat"}"# }.joined(separator: ",") + "]"
            let answer = "```json\n[" + boxes.shuffled(using: &self).map { #"{"bbox_2d": \#(json(jittered($0))), "label": "Cat"}"# }
                .joined(separator: ",\n") + "]\n```"
            return (answer, truth, options)
        case .point:
            let box = self.box()
            return ("The point is (\(box[0] + 3), \(box[1] + 4)).", json(box), options)
        case .span:
            let start = Int.random(in: 0..<3_000, using: &self)
            let answers = ["from \(start) to \(start + 30) seconds", "[\(start).5, \(start + 20)]", "00:\(start % 60) to 01:\(start % 60)"]
            return (answers.randomElement(using: &self)!, "[\(start),\(start + 25)]", options)
        case .ordering:
            let items = (1...Int.random(in: 3...10, using: &self)).map(String.init)
            return ("The order is " + items.shuffled(using: &self).joined(separator: " > "), "[" + items.joined(separator: ",") + "]", options)
        case .count:
            let answers = ["There are 7 cats.", "seven", "one hundred and five", "12", "twenty-one birds"]
            return (answers.randomElement(using: &self)!, "7", options)
        case .ocr:
            let words = (0..<Int.random(in: 5...200, using: &self)).map { _ in Self.words.randomElement(using: &self)! }
            let misread = words.map { Int.random(in: 0..<10, using: &self) == 0 ? String($0.reversed()) : $0 }
            options.textMetric = Bool.random(using: &self) ? .cer : .wer
            return (misread.joined(separator: " "), words.joined(separator: " "), options)
        case .multiChoice:
            let answers = ["A, C and D", "ACD", "(A)(C)", "The answers are A and C.", #"["A","D"]"#]
            return (answers.randomElement(using: &self)!, "\"ACD\"", options)
        case .auto, .math, .choice, .text, .judge:
            return ("", "", options)
        }
    }

    func truth(_ type: AnswerType) -> String {
        switch type {
        case .bbox, .point: "[10,20,30,40]"
        case .boxes: #"[{"bbox_2d":[10,20,30,40],"label":"cat"},{"bbox_2d":[50,50,60,60],"label":"dog"}]"#
        case .span: "[12,20]"
        case .ordering: "[2,1,3]"
        case .count: "7"
        case .ocr: String(repeating: "the quick brown fox ", count: 100)
        case .multiChoice: "ACD"
        case .auto, .math, .choice, .text, .judge: ""
        }
    }

    static let words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "invoice", "total", "2026"]

    /// Hostile answers, each with a name, sent to every type.
    static let hostileAnswers: [(name: String, text: String)] = [
        ("two boxes", "[10,20,30,40] or [0,0,5,5]"), ("NaN", "[NaN, 20, 30, 40]"), ("1e308", "[1e308, 1, 2, 3]"),
        ("reversed box", "[30,20,10,40]"),
        ("100,000 boxes (1 MB)", "[" + Array(repeating: "[1,1,2,2]", count: 100_000).joined(separator: ",") + "]"),
        ("20,000 boxes (200 KB)", "[" + Array(repeating: "[1,1,2,2]", count: 20_000).joined(separator: ",") + "]"),
        ("1,000 equal boxes", "[" + Array(repeating: "[10,20,30,40]", count: 1_000).joined(separator: ",") + "]"),
        ("30,000 nested brackets", String(repeating: "[", count: 30_000) + "1,2,3,4" + String(repeating: "]", count: 30_000)),
        ("60 KB of prose", String(repeating: "so the cat is left of the dog and seven more ", count: 1_400)),
        ("250 KB of prose", String(repeating: "so the cat is left of the dog and seven more ", count: 5_800)),
        ("60 KB of number words", String(repeating: "one hundred and ", count: 4_000)),
        ("60 KB of A > B", String(repeating: "A > B > ", count: 8_000)),
        ("60 KB of timestamps", String(repeating: "1:2:3 ", count: 10_000)),
        ("8 KB of near text", String(repeating: "the quick brown fax ", count: 400)),
        ("60 KB of escaped quotes", String(repeating: "\"a \\\" [", count: 8_000)),
    ]

    mutating func box() -> [Int] {
        let x = Int.random(in: 0..<900, using: &self)
        let y = Int.random(in: 0..<900, using: &self)
        return [x, y, x + Int.random(in: 5...100, using: &self), y + Int.random(in: 5...100, using: &self)]
    }

    mutating func jittered(_ box: [Int]) -> [Int] { box.map { $0 + Int.random(in: -3...3, using: &self) } }

    func json(_ box: [Int]) -> String { "[" + box.map { "\($0)" }.joined(separator: ", ") + "]" }

    mutating func dressed(_ box: [Int]) -> String {
        switch Int.random(in: 0..<3, using: &self) {
        case 0: json(box)
        case 1: "```json\n[{\"bbox_2d\": \(json(box)), \"label\": \"cat\"}]\n```"
        default: "The cat is at (\(box[0]),\(box[1])),(\(box[2]),\(box[3]))."
        }
    }
}
