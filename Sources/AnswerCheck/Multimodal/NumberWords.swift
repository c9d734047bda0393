/// Reads numbers written in English words: `seven`, `twenty-one`, `one hundred and five`, `three thousand two`.
enum NumberWords {
    static let small: [Substring: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [Substring: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [Substring: Int] = ["thousand": 1_000, "million": 1_000_000]

    /// What the last word of a number was, which decides whether the next word continues it.
    enum Last { case small, tens, hundred, scale }

    /// Every number the text spells out, in order. `seven eight` is two numbers, `twenty one` one.
    static func values(in text: String) -> [Int] {
        var values: [Int] = []
        var total = 0
        var current = 0
        var last: Last?
        func finish() {
            if last != nil { values.append(total + current) }
            (total, current, last) = (0, 0, nil)
        }
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
            if let value = small[word] {
                if last == .small || (last == .tens && value >= 10) { finish() }
                current += value
                last = .small
            } else if let value = tens[word] {
                if last == .small || last == .tens { finish() }
                current += value
                last = .tens
            } else if word == "hundred" {
                if last == .hundred { finish() }
                current = max(current, 1) * 100
                last = .hundred
            } else if let scale = scales[word] {
                if last == .scale { finish() }
                total += max(current, 1) * scale
                current = 0
                last = .scale
            } else if word == "and", last == .hundred || last == .scale {
                continue  // `one hundred and five`
            } else {
                finish()
            }
        }
        finish()
        return values
    }
}
