import Foundation
import Testing

@testable import RewardCore

@Suite("JSONParser")
struct JSONParserTests {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func readsNestedValues() throws {
        let value = try Self.parse(#"{"a":[1,2.5,"x",true,null,{"b":-0}]}"#)
        #expect(value["a"] == .array([
            .number(JSONNumber(double: 1, integer: 1)), .number(JSONNumber(double: 2.5, integer: nil)), .string("x"), .bool(true), .null,
            .object(JSONObject([("b", .number(JSONNumber(double: -0.0, integer: 0)))])),
        ]))
    }

    @Test(arguments: [
        ("-12", -12.0, -12 as Int?), ("1.5e3", 1500, 1500), ("12345678901234567890", 12345678901234567168, nil), ("0.25", 0.25, nil),
        ("9223372036854775807", 9223372036854775808, Int.max), ("1E+2", 100, 100),
    ])
    func readsNumbers(text: String, double: Double, integer: Int?) throws {
        #expect(try Self.parse(text) == .number(JSONNumber(double: double, integer: integer)))
    }

    @Test func readsStringsWithRawUnicodeAndEscapesMixed() throws {
        let text = #""café 😀 \"quoted\" \u00e9\ud83d\ude00 tab\tend — long enough to cross several eight-byte words""#
        #expect(try Self.parse(text) == .string("café 😀 \"quoted\" é😀 tab\tend — long enough to cross several eight-byte words"))
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect { try Self.parse(deep) } throws: { error in (error as? JSONSyntaxError)?.problem.contains("nested deeper") == true }
        #expect((try? Self.parse(String(repeating: "[", count: 200) + String(repeating: "]", count: 200))) != nil)
    }

    @Test func findsTheRangesOfAnArraysElements() throws {
        let text = Array(#"{"a":1,"results":[{"x":[1,2]}, [2] ,"s\"]"],"b":{"results":[9]}}"#.utf8)
        let ranges = try text.withUnsafeBufferPointer { try JSONParser.elementRanges(ofArray: "results", in: $0) }
        #expect(ranges?.map { String(decoding: text[$0], as: UTF8.self) } == [#"{"x":[1,2]}"#, "[2]", #""s\"]""#])
        let none = try Array(#"{"a":[1]}"#.utf8).withUnsafeBufferPointer { try JSONParser.elementRanges(ofArray: "results", in: $0) }
        #expect(none == nil)
    }

    @Test(arguments: [#"{"a":1"#, #"{"a" 1}"#, #"[1 2]"#, #""unterminated"#, "tru", "-", "1.", "01", #"{"a":1}x"#, "\"\u{7}\""])
    func namesWhereTheTextStopsBeingJSON(_ text: String) {
        #expect { try Self.parse(text) } throws: { error in ((error as? JSONSyntaxError)?.column ?? 0) >= 1 }
    }
}
