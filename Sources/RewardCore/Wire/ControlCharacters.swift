#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds control characters that a JSON escape made out of a LaTeX command: `"\boxed"` typed into curl is a
/// backspace and `oxed`, `"\frac"` a form feed and `rac`, `"\times"` a tab and `imes`.
enum ControlCharacters {
    /// The escapes whose control character is taken as a mangled command wherever it stands.
    static let alwaysSuspect: [(byte: UInt8, escape: String, name: String)] = [(0x08, "\\b", "backspace"), (0x0C, "\\f", "form feed")]
    /// Tab, carriage return and newline are ordinary text, so they are suspect only before a command's tail.
    static let suspectBefore: [(byte: UInt8, escape: String, name: String, tails: [[UInt8]])] = [
        (0x09, "\\t", "tab", ["ext{", "imes", "heta", "frac", "an(", "an ", "ilde", "riangle", "extbf"].map { Array($0.utf8) }),
        (0x0D, "\\r", "carriage return", ["ight", "angle", "ho "].map { Array($0.utf8) }),
        (0x0A, "\\n", "newline", ["eq ", "eq}", "abla", "otin", "eq0"].map { Array($0.utf8) }),
    ]

    /// One warning per field of `rollout` that holds a suspect control character.
    static func warnings(in rollout: Rollout) -> [RewardWarning] {
        var found: [RewardWarning] = []
        if let warning = warning(in: rollout.response, field: "response") { found.append(warning) }
        if let prefix = rollout.prefix, let warning = warning(in: prefix, field: "prefix") { found.append(warning) }
        for (offset, truth) in (rollout.groundTruths ?? []).enumerated() {
            if let warning = warning(in: truth, field: "ground_truth[\(offset)]") { found.append(warning) }
        }
        return found
    }

    /// The warning for the first suspect character of `text`; the field's name is only built for a hit.
    static func warning(in text: String, field: @autoclosure () -> String) -> RewardWarning? {
        var text = text
        return text.withUTF8 { bytes -> RewardWarning? in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            for suspect in alwaysSuspect {
                guard let hit = memchr(base, Int32(suspect.byte), bytes.count) else { continue }
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                return make(field(), suspect.escape, suspect.name, tail(bytes, after: offset))
            }
            for suspect in suspectBefore {
                var start = 0
                while start < bytes.count, let hit = memchr(base + start, Int32(suspect.byte), bytes.count - start) {
                    let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    // Compared as bytes: ordinary text has many newlines and tabs, and a String per hit would show.
                    if suspect.tails.contains(where: { follows($0, bytes, offset + 1) }) {
                        return make(field(), suspect.escape, suspect.name, tail(bytes, after: offset))
                    }
                    start = offset + 1
                }
            }
            return nil
        }
    }

    static func follows(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for offset in word.indices where bytes[start + offset] != word[offset] { return false }
        return true
    }

    static func tail(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> String {
        let end = min(bytes.count, offset + 8)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<end]), as: UTF8.self)
    }

    static func make(_ field: String, _ escape: String, _ name: String, _ tail: String) -> RewardWarning {
        let word = String(tail.prefix { $0.isLetter })
        let meant = escape + word
        return RewardWarning(
            code: .controlCharacter,
            message: "\(field) holds a \(name) (the JSON escape \(escape)) before '\(word)': '\(meant)' was probably meant; write \\\(meant) in JSON",
            field: field)
    }
}
