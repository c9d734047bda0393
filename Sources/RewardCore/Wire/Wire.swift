/// The one reader and writer of Referee's JSON contract, used by the server, `referee score`, `referee rescore`
/// and the trainer. Reading runs over `JSONParser` (strict RFC 8259, bytes in, no Foundation); writing over
/// `JSONWriter`. Every reader names the field that is wrong and the line and column of a syntax error.
public enum Wire {}

extension Wire {
    /// Reads a JSON document that must be one object, handing each member to `member`, which must consume its value.
    /// `what` names the document in errors (`the body`, `the line`); `notObject` is the message when it is valid JSON
    /// but not an object.
    static func readObject(
        _ bytes: UnsafeBufferPointer<UInt8>, what: String, notObject: String,
        _ member: (String, inout JSONParser) throws(JSONSyntaxError) -> Void
    ) throws(RewardError) {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let isObject = parser.peek == UInt8(ascii: "{")
        do throws(JSONSyntaxError) {
            if isObject {
                try parser.members(depth: 0, member)
                try parser.expectEnd()
            } else {
                _ = try JSONParser.parse(bytes)
            }
        } catch {
            throw invalidJSON(error, what: what)
        }
        guard isObject else { throw RewardError(code: .wrongType, message: notObject) }
    }
}
