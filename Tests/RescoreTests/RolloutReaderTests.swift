import Foundation
import RewardCore
import Testing

@testable import Rescore

/// The fast reader must read every line exactly as the server's JSONDecoder-based `RolloutPayload` does.
@Suite("RolloutReader agrees with RolloutPayload")
struct RolloutReaderTests {
    static let lines: [String] = [
        #"{"response":"a"}"#,
        #"{"id":"q1","prompt":"3+4?","response":"<judge>direct</judge><think></think>\\boxed{7}","ground_truth":"7","answer_type":"math","requires_reasoning":false,"images":["data:image/png;base64,AA=="],"group":"g1","tolerance":0.001,"prefix":"<judge>"}"#,
        #"{"id":3.0,"response":"x"}"#, #"{"id":1e2,"response":"x"}"#, #"{"id":-0,"response":"x"}"#,
        #"{"id":9223372036854775807,"response":"x"}"#, #"{"id":1.5,"response":"x"}"#, #"{"id":true,"response":"x"}"#,
        #"{"id":null,"response":"x"}"#, #"{"id":[1],"response":"x"}"#, #"{"id":"","response":"x"}"#,
        #"{"response":null}"#, #"{"response":5}"#, #"{}"#, #"[]"#, #""str""#, #"3"#, #"null"#, #"{"id":"q","prompt":"p"}"#,
        #"{"response":"x","ground_truth":["1",2,3.5]}"#, #"{"response":"x","ground_truth":[1,null]}"#,
        #"{"response":"x","ground_truth":1e2}"#, #"{"response":"x","ground_truth":2.50}"#, #"{"response":"x","ground_truth":true}"#,
        #"{"response":"x","ground_truth":[]}"#, #"{"response":"x","ground_truth":{}}"#, #"{"response":"x","ground_truth":-7}"#,
        #"{"response":"x","ground_truth":null}"#, #"{"response":"x","ground_truth":1e-7}"#,
        #"{"response":"x","answer_type":"choice"}"#, #"{"response":"x","answer_type":"bogus"}"#, #"{"response":"x","answer_type":3}"#,
        #"{"response":"x","requires_reasoning":true}"#, #"{"response":"x","requires_reasoning":1}"#, #"{"response":"x","requires_reasoning":"true"}"#,
        #"{"response":"x","images":["a","b"]}"#, #"{"response":"x","images":[1]}"#, #"{"response":"x","images":"a"}"#, #"{"response":"x","images":[]}"#,
        #"{"response":"x","group":7}"#, #"{"response":"x","group":"g"}"#, #"{"response":"x","group":7.5}"#, #"{"response":"x","group":[1]}"#,
        #"{"response":"x","group":true}"#, #"{"response":"x","tolerance":0.5}"#, #"{"response":"x","tolerance":2}"#,
        #"{"response":"x","tolerance":-1}"#, #"{"response":"x","tolerance":"0.1"}"#, #"{"response":"x","tolerance":1E-3}"#,
        #"{"response":"x","prefix":"<judge>"}"#, #"{"response":"x","prefix":1}"#,
        #"{"response":"a\nb\u00e9\ud83d\ude00\/\"x\\y\t"}"#, #"{"response":"caf\u00E9 \u0000 end"}"#,
        #"  {"response" : "spaced" , "id" : 4 }  "#,
        #"{"response":"x","meta":{"a":[1,{"b":null}],"c":"d"},"other":[true,false,null,-1.5e3]}"#,
        #"{"response":"a","response":"b"}"#, #"{"response":"a","id":5,"id":"six"}"#,
        #"{"response":"x","id":"q","ground_truth":"7","requires_reasoning":true,"answer_type":"nope"}"#,
        #"{"response":"x"} trailing"#, #"{"response":"x""#, #"{"response":"x",,}"#, #"{response:"x"}"#, #"{"response":'x'}"#,
        #"{"response":"x","n":NaN}"#, #"{"response":"x","b":tru}"#, "", "   ",
    ]

    /// Not JSON, yet JSONDecoder reads lazily: it lets a bad number in a field nobody reads pass, and calls a
    /// broken string a `wrong_type`. The fast reader says `invalid_json` for all of them.
    static let invalid: [String] = [
        #"{"response":"x","n":01}"#, #"{"response":"x","n":1.}"#, #"{"response":"x","n":-}"#, #"{"response":"x","n":1e400}"#,
        #"{"response":"x",}"#, #"{"response":"x","l":[1,]}"#, #"{"response":"bad \x escape"}"#, #"{"response":"\ud800 lone"}"#,
        #"{"response":"\udc00"}"#, "{\"response\":\"raw\u{01}control\"}", #"{"response":"x","meta":{"s":"\q"}}"#,
    ]

    @Test(arguments: lines)
    func agreesWithJSONDecoder(_ line: String) {
        let bytes = Array(line.utf8)
        expectAgreement(bytes)
    }

    @Test func refusesInvalidUTF8() {
        var bytes = Array(#"{"response":"ab"#.utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array(#""}"#.utf8))
        expectInvalidJSON(bytes)
    }

    @Test(arguments: invalid)
    func isStricterThanJSONDecoder(_ line: String) {
        expectInvalidJSON(Array(line.utf8))
    }

    /// Randomly typed fields, many times over: the two readers must give the same rollout or the same error.
    @Test func agreesOnRandomRollouts() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<3000 { expectAgreement(Array(RandomRollout.line(using: &generator).utf8)) }
    }

    func expectInvalidJSON(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let read = bytes.withUnsafeBufferPointer { RolloutReader.read($0) }
        guard case .failure(let error) = read.rollout else {
            Issue.record("read \(String(decoding: bytes, as: UTF8.self)) as a rollout", sourceLocation: sourceLocation)
            return
        }
        #expect(error.code == "invalid_json", sourceLocation: sourceLocation)
        #expect(error.message.contains("column"), sourceLocation: sourceLocation)
    }

    func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = bytes.withUnsafeBufferPointer { RolloutReader.read($0) }
        let reference: (rollout: Result<Rollout, RewardError>, id: RolloutID?)
        do {
            let payload = try decodeJSON(RolloutPayload.self, from: Data(bytes))
            reference = (payload.rollout, payload.id)
        } catch {
            reference = (.failure(error), nil)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch (fast.rollout, reference.rollout) {
        case (.success(let mine), .success(let theirs)):
            #expect(mine == theirs, "\(text)", sourceLocation: sourceLocation)
        case (.failure(let mine), .failure(let theirs)):
            #expect(mine.code == theirs.code, "\(text)", sourceLocation: sourceLocation)
            if theirs.code != "invalid_json" {
                #expect(mine == theirs, "\(text)", sourceLocation: sourceLocation)
            }
        default:
            Issue.record("readers disagree on \(text): fast \(fast.rollout), JSONDecoder \(reference.rollout)", sourceLocation: sourceLocation)
        }
        #expect(fast.id == reference.id, "\(text)", sourceLocation: sourceLocation)
    }
}
