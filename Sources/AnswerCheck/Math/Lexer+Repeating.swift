import BigInt

/// Repeating decimals: `0.\overline{3}` is 1/3, `0.1\overline{6}` is 1/6, `0.\bar{3}` too.
extension Lexer {
    private static let marks = ["\\overline{", "\\bar{"].map { Array($0.utf8) }

    /// The repeating digits written right after a number (`\overline{36}`, after its `.` when
    /// `afterPoint`), consumed; nil (nothing consumed) when there are none.
    mutating func repeatingDigits(afterPoint: Bool) -> [UInt8]? {
        var i = index
        if afterPoint {
            guard i < bytes.count, bytes[i] == 0x2E else { return nil }
            i += 1
        }
        for mark in Lexer.marks where i + mark.count <= bytes.count && bytes[i..<(i + mark.count)].elementsEqual(mark) {
            var end = i + mark.count
            while end < bytes.count, Byte.isDigit(bytes[end]) { end += 1 }
            let count = end - i - mark.count
            guard count >= 1, count <= 50, end < bytes.count, bytes[end] == 0x7D else { return nil }
            index = end + 1
            return Array(bytes[(i + mark.count)..<end])
        }
        return nil
    }

    /// What the repeating `digits` add after `places` decimal places: R / (10^places (10^r - 1)).
    func repeatingValue(_ digits: [UInt8], after places: Int) throws(MathFailure) -> Rational {
        let r = BigInt(String(decoding: digits, as: UTF8.self)) ?? 0
        let nines = BigInt(10).power(digits.count) - 1
        return try Rational(r, BigInt(10).power(places) * nines)
    }
}
