import Foundation
import Testing

@testable import Rescore

@Suite("JSONParser")
struct JSONParserTests {
    @Test func readsNestedValues() throws {
        let value = try JSONParser.parse(Array(#"{"a":[1,2.5,"x",true,null,{"b":-0}]}"#.utf8))
        #expect(value["a"] == .array([
            .number(JSONNumber(double: 1, integer: 1)), .number(JSONNumber(double: 2.5, integer: nil)), .string("x"), .bool(true), .null,
            .object(JSONObject([("b", .number(JSONNumber(double: -0.0, integer: 0)))])),
        ]))
    }
}
