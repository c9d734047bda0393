/// Byte classes and the mapping of Unicode spellings onto their ASCII or LaTeX forms.
enum Byte {
    /// A private byte standing for the degree sign after normalisation.
    static let degree: UInt8 = 0x01

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}

/// Maps Unicode mathematics (`−`, `×`, `≤`, `π`, `°`, ...) onto ASCII and LaTeX in one pass.
enum TextNormalizer {
    private static let replacements: [UInt32: String] = [
        0x2212: "-", 0x2013: "-", 0x2012: "-", 0xD7: "\\times ", 0xB7: "\\cdot ", 0x22C5: "\\cdot ",
        0xF7: "\\div ", 0x2264: "\\le ", 0x2265: "\\ge ", 0x2260: "\\ne ", 0x2248: "\\approx ",
        0x3C0: "\\pi ", 0x221E: "\\infty ", 0xB1: "\\pm ", 0x2213: "\\mp ", 0x221A: "\\sqrt ",
        0x222A: "\\cup ", 0x2208: "\\in ", 0x2205: "\\emptyset ", 0xB2: "^2", 0xB3: "^3",
        0xA0: " ", 0x2009: " ", 0x202F: " ", 0x2032: "'", 0x2019: "'", 0x20AC: " ", 0xA3: " ",
        0xA5: " ", 0x2061: "", 0x200B: "", 0xA2: "\\text{ cents}",
        // Vulgar fractions; after a whole number they make a mixed number (`2½`).
        0xBD: "\\frac{1}{2}", 0xBC: "\\frac{1}{4}", 0xBE: "\\frac{3}{4}", 0x2153: "\\frac{1}{3}",
        0x2154: "\\frac{2}{3}", 0x215B: "\\frac{1}{8}", 0x2155: "\\frac{1}{5}",
    ]

    /// The UTF-8 bytes of `text` with Unicode spellings replaced; unknown scalars pass through.
    static func bytes(of text: String) -> [UInt8] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } }
        if ascii ?? text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else if scalar.value == 0xB0 || scalar.value == 0x2218 {
                out.append(Byte.degree)
            } else if let r = replacements[scalar.value] {
                out.append(contentsOf: r.utf8)
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }
}
