/// Reads numbers written in English words: `seven`, `twenty-one`, `one hundred and five`, `three thousand two`.
enum NumberWords {
    /// What a number word does to the number being read.
    enum Word { case small(Double), tens(Double), hundred, scale(Double), and }

    /// What the last word of a number was, which decides whether the next word continues it.
    enum Last { case small, tens, hundred, scale }

    static let words: [UInt64: Word] = {
        let small = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var table: [UInt64: Word] = [key("hundred"): .hundred, key("thousand"): .scale(1_000), key("million"): .scale(1_000_000)]
        table[key("and")] = .and
        for (value, word) in small.enumerated() { table[key(word)] = .small(Double(value)) }
        for (offset, word) in tens.enumerated() { table[key(word)] = .tens(Double(20 + 10 * offset)) }
        return table
    }()

    /// Every number the text spells out, in order. `seven eight` is two numbers, `twenty one` one.
    /// Doubles, not integers: hostile chains (`one thousand thousand ...`) grow without trapping.
    static func values(in text: String) -> [Double] {
        var values: [Double] = []
        var total = 0.0
        var current = 0.0
        var last: Last?
        func finish() {
            if last != nil { values.append(total + current) }
            (total, current, last) = (0, 0, nil)
        }
        for wordKey in wordKeys(text) {
            switch wordKey.flatMap({ words[$0] }) {
            case .small(let value):
                if last == .small || (last == .tens && value >= 10) { finish() }
                current += value
                last = .small
            case .tens(let value):
                if last == .small || last == .tens { finish() }
                current += value
                last = .tens
            case .hundred:
                if last == .hundred || current >= 100 { finish() }
                current = max(current, 1) * 100
                last = .hundred
            case .scale(let scale):
                if last == .scale { finish() }
                total += max(current, 1) * scale
                current = 0
                last = .scale
            case .and where last == .hundred || last == .scale:
                continue  // `one hundred and five`
            case .and, nil:
                finish()
            }
        }
        finish()
        return values
    }

    /// Each ASCII word of the text as a packed lower-case key (nil when too long to be a number word),
    /// read from the bytes so that prose costs no allocation per word.
    static func wordKeys(_ text: String) -> [UInt64?] {
        var keys: [UInt64?] = []
        var packed: UInt64 = 0
        var length = 0
        for byte in text.utf8 {
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                packed = packed << 5 | UInt64(lower - UInt8(ascii: "a") + 1)
                length += 1
            } else if length > 0 {
                keys.append(length <= 12 ? packed : nil)
                (packed, length) = (0, 0)
            }
        }
        if length > 0 { keys.append(length <= 12 ? packed : nil) }
        return keys
    }

    static func key(_ word: String) -> UInt64 { wordKeys(word)[0]! }
}
