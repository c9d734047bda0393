/// The one reader and writer of Referee's JSON contract, used by the server, `referee score`, `referee rescore`
/// and the trainer. Reading runs over `JSONParser` (strict RFC 8259, bytes in, no Foundation); writing over
/// `JSONWriter`. Every reader names the field that is wrong and the line and column of a syntax error.
public enum Wire {}
