/// What one pass over a side's bytes finds: the rare spellings that switch on extra work in a
/// check (choices, `\pm`, matrices, percent words, decimal points), instead of one search each.
struct SideScan {
    /// `(A)` to `(Z)`: a multiple-choice mark.
    private(set) var choiceMark = false
    /// `pm`, `mp`, `±` or `∓`: a side that may stand for two values.
    private(set) var plusMinus = false
    /// `begin`: a side that may hold a matrix environment.
    private(set) var matrix = false
    /// `%`, `percent`, `per cent` or `pct` (`P` in either case).
    private(set) var percent = false
    /// A `.`: a side that may be a decimal number.
    private(set) var point = false
    /// `cent` (also inside `cents`, `percent`) or `¢`: a side that may count in cents.
    private(set) var cents = false

    init(_ text: String) {
        if let found = text.utf8.withContiguousStorageIfAvailable(SideScan.init(bytes:)) {
            self = found
        } else {
            self = Array(text.utf8).withUnsafeBufferPointer(SideScan.init(bytes:))
        }
    }

    private init(bytes b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        /// Whether `word` follows position `i`.
        func follows(_ i: Int, _ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count < n else { return false }
            let w = word.utf8Start
            for k in 0..<count where b[i + 1 + k] != w[k] { return false }
            return true
        }
        for i in 0..<n {
            switch b[i] {
            case 0x29:  // `)` closing `(A)`
                if i >= 2, b[i - 2] == 0x28, b[i - 1] >= 0x41, b[i - 1] <= 0x5A { choiceMark = true }
            case 0x70, 0x50:  // `p`: `pm`, `percent`, `pct`
                if b[i] == 0x70, follows(i, "m") { plusMinus = true }
                if follows(i, "ercent") || follows(i, "er cent") || follows(i, "ct") {
                    percent = true
                } else if b[i] == 0x50, follows(i, "ERCENT") || follows(i, "ER CENT") || follows(i, "CT") {
                    percent = true
                }
            case 0x6D:  // `m`: `mp`
                if follows(i, "p") { plusMinus = true }
            case 0xB1:  // `±` is C2 B1
                if i >= 1, b[i - 1] == 0xC2 { plusMinus = true }
            case 0xA2:  // `¢` is C2 A2
                if i >= 1, b[i - 1] == 0xC2 { cents = true }
            case 0x93:  // `∓` is E2 88 93
                if i >= 2, b[i - 2] == 0xE2, b[i - 1] == 0x88 { plusMinus = true }
            case 0x62:  // `b`: `begin`
                if follows(i, "egin") { matrix = true }
            case 0x63:  // `c`: `cent`
                if follows(i, "ent") { cents = true }
            case 0x25: percent = true
            case 0x2E: point = true
            default: break
            }
        }
    }
}
