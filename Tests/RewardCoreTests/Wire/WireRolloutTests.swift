import AnswerCheck
import Foundation
import Testing

@testable import RewardCore

/// The one rollout reader: every field's types, defaults and errors, by hand-written expectation.
@Suite("Wire reads rollouts")
struct WireRolloutTests {
    /// An expected outcome: the rollout read, or the error code and field.
    enum Expected {
        case rollout(Rollout)
        case error(ErrorCode, String?)
    }

    static func read(_ line: String) -> RolloutItem { Wire.readRollout(Array(line.utf8)) }

    static let cases: [(String, Expected)] = [
        (#"{"response":"a"}"#, .rollout(Rollout(response: "a"))),
        (
            #"{"id":"q1","prompt":"3+4?","response":"r","ground_truth":"7","answer_type":"math","requires_reasoning":false,"images":["data:,"],"group":"g1","tolerance":0.001,"prefix":"<judge>"}"#,
            .rollout(Rollout(
                id: .string("q1"), prompt: "3+4?", response: "r", groundTruths: ["7"], answerType: .math, requiresReasoning: false,
                images: ["data:,"], group: "g1", tolerance: 0.001, prefix: "<judge>"))
        ),
        (#"{"id":3.0,"response":"x"}"#, .rollout(Rollout(id: .integer(3), response: "x"))),
        (#"{"id":1e2,"response":"x"}"#, .rollout(Rollout(id: .integer(100), response: "x"))),
        (#"{"id":1.5,"response":"x"}"#, .error(.wrongType, "id")),
        (#"{"id":true,"response":"x"}"#, .error(.wrongType, "id")),
        (#"{"id":null,"response":"x"}"#, .rollout(Rollout(response: "x"))),
        (#"{"response":null}"#, .error(.missingField, "response")),
        (#"{"response":5}"#, .error(.wrongType, "response")),
        (#"{}"#, .error(.missingField, "response")),
        (#"[]"#, .error(.wrongType, nil)),
        (#"3"#, .error(.wrongType, nil)),
        (#"{"response":"x","ground_truth":["1",2,3.5]}"#, .rollout(Rollout(response: "x", groundTruths: ["1", "2", "3.5"]))),
        (#"{"response":"x","ground_truth":[1,null]}"#, .error(.wrongType, "ground_truth")),
        (#"{"response":"x","ground_truth":-7}"#, .rollout(Rollout(response: "x", groundTruths: ["-7"]))),
        (#"{"response":"x","ground_truth":true}"#, .error(.wrongType, "ground_truth")),
        (#"{"response":"x","ground_truth":null}"#, .rollout(Rollout(response: "x"))),
        (#"{"response":"x","answer_type":"bogus"}"#, .error(.invalidValue, "answer_type")),
        (#"{"response":"x","requires_reasoning":"true"}"#, .error(.wrongType, "requires_reasoning")),
        (#"{"response":"x","images":[1]}"#, .error(.wrongType, "images")),
        (#"{"response":"x","group":7}"#, .rollout(Rollout(response: "x", group: "7"))),
        (#"{"response":"x","group":[1]}"#, .error(.wrongType, "group")),
        (#"{"response":"x","tolerance":2}"#, .error(.outOfRange, "tolerance")),
        (#"{"response":"x","tolerance":"0.1"}"#, .error(.wrongType, "tolerance")),
        (#"{"response":"a","response":"b"}"#, .rollout(Rollout(response: "a"))),
        (#"{"response":"x","n":01}"#, .error(.invalidJSON, nil)),
        (#"{"response":"x",}"#, .error(.invalidJSON, nil)),
        (#"{"response":"bad \s escape"}"#, .error(.invalidJSON, nil)),
        (#"{"response":"\ud800 lone"}"#, .error(.invalidJSON, nil)),
        (#"{"response":"x","n":1e400}"#, .error(.invalidJSON, nil)),
    ]

    @Test(arguments: cases.indices)
    func readsAsExpected(_ index: Int) {
        let (line, expected) = Self.cases[index]
        let item = Self.read(line)
        switch (item.rollout, expected) {
        case (.success(var read), .rollout(let wanted)):
            read.warnings = []
            #expect(read == wanted, "\(line)")
        case (.failure(let error), .error(let code, let field)):
            #expect(error.code == code, "\(line)")
            #expect(error.field == field, "\(line)")
        default:
            Issue.record("\(line): read \(item.rollout), expected \(expected)")
        }
    }

    @Test func keepsTheIdAndLabelOfABadRollout() {
        let item = Self.read(#"{"id":"q","requires_reasoning":true,"answer_type":"nope","response":"x"}"#)
        #expect(item.id == .string("q"))
        #expect(item.label == true)
        #expect((try? item.rollout.get()) == nil)
    }

    @Test func namesUnknownFieldsWithTheFieldMeant() throws {
        let item = Self.read(#"{"response":"x","groundtruth":"7","requires_reasonign":true,"meta":{"a":1}}"#)
        let rollout = try item.rollout.get()
        #expect(rollout.groundTruths == nil)
        #expect(rollout.warnings.map(\.field) == ["groundtruth", "requires_reasonign", "meta"])
        #expect(rollout.warnings.allSatisfy { $0.code == .unknownField })
        #expect(rollout.warnings[0].message.contains("did you mean 'ground_truth'"))
        #expect(rollout.warnings[1].message.contains("did you mean 'requires_reasoning'"))
        #expect(!rollout.warnings[2].message.contains("did you mean"))
    }

    @Test("a LaTeX command read as a JSON escape is warned about", arguments: [
        (#"{"response":"\boxed{7}"}"#, "\\boxed"), (#"{"response":"x \frac{1}{2}"}"#, "\\frac"),
        (#"{"response":"5 \times 3","ground_truth":"15"}"#, "\\times"), (#"{"response":"r","ground_truth":"\right)"}"#, "\\right"),
    ])
    func warnsOnMangledCommands(_ line: String, _ meant: String) throws {
        let rollout = try Self.read(line).rollout.get()
        #expect(rollout.warnings.count == 1)
        #expect(rollout.warnings.first?.code == .controlCharacter)
        #expect(rollout.warnings.first?.message.contains("'\(meant)' was probably meant") == true)
    }

    @Test func ordinaryWhitespaceIsNotWarnedAbout() throws {
        let rollout = try Self.read(#"{"response":"line one\nline two\tthen \\boxed{7}\r\n"}"#).rollout.get()
        #expect(rollout.warnings.isEmpty)
    }

    @Test func saysWhereAndWhatTheSyntaxErrorIs() {
        guard case .failure(let error) = Self.read(#"{"response":"\sqrt{2}"}"#).rollout else {
            Issue.record("read")
            return
        }
        #expect(error.message.contains("invalid escape '\\s'"))
        #expect(error.message.contains("line 1, column 14"))
    }

    @Test func writtenRolloutsReadBackEqual() throws {
        var generator = SeededGenerator(seed: 3)
        for index in 0..<200 {
            let rollout = Rollout(
                id: index % 2 == 0 ? .integer(index) : .string("q\(index)"), prompt: "p\(index) \"é\"",
                response: RandomRollouts.string(&generator), groundTruths: index % 3 == 0 ? nil : ["\(index)", "x^2"],
                answerType: AnswerType.allCases[index % AnswerType.allCases.count], requiresReasoning: index % 5 == 0 ? nil : index % 2 == 0,
                images: index % 4 == 0 ? ["data:image/png;base64,AA=="] : [], group: index % 3 == 1 ? "g\(index % 7)" : nil,
                tolerance: index % 6 == 0 ? 1e-3 : nil, prefix: index % 8 == 0 ? "<judge>" : nil)
            let body = Wire.batchBody([rollout], config: RequestConfig(alpha: 0.5, advantage: .drgrpo))
            let request = try Wire.readRewardRequest(body)
            var read = try request.items[0].rollout.get()
            read.warnings = []
            #expect(read == rollout)
            #expect(request.config == RequestConfig(alpha: 0.5, advantage: .drgrpo))
        }
    }
}
