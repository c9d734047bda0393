import Testing

@testable import AnswerCheck

/// The one-pass scans that replace separate searches find exactly what those searches found.
@Suite struct MathScanTests {
    /// Whether `needle` occurs in `text`, the slow obvious way.
    static func occurs(_ needle: String, in text: String) -> Bool {
        let hay = Array(text.utf8)
        let n = Array(needle.utf8)
        guard n.count <= hay.count else { return false }
        return (0...(hay.count - n.count)).contains { Array(hay[$0..<($0 + n.count)]) == n }
    }

    /// Texts made of the bytes the scan reacts to, so that near misses are common.
    static func randomTexts(count: Int) -> [String] {
        let pieces = ["p", "m", "P", "b", "egin", "ercent", "er cent", "ct", "%", ".", "(", ")", "A", "Z", "a", "x",
                      "\u{B1}", "\u{2213}", "\u{C2}", "\u{88}", " ", "\\", "1"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            return text
        }
    }

    @Test("each flag is set exactly when its spelling occurs", arguments: randomTexts(count: 2_000) + [
        "\\pm 3", "x \\mp 1", "\u{B1}2", "\u{2213}2", "\\begin{pmatrix}1\\end{pmatrix}", "35\\%", "35 percent",
        "35 Percent", "35 per cent", "35 pct", "(B) 24", "(b)", "( B)", "0.5", "5", "", "p", "m", "(", "B)",
    ])
    func flagsMatchPlainSearches(_ text: String) {
        let scan = SideScan(text)
        let choice = text.utf8.indices.contains { i in
            let b = Array(text.utf8[i...].prefix(3))
            return b.count == 3 && b[0] == 0x28 && (0x41...0x5A).contains(b[1]) && b[2] == 0x29
        }
        #expect(scan.choiceMark == choice, "\(text)")
        #expect(scan.plusMinus == ["pm", "mp", "\u{B1}", "\u{2213}"].contains { Self.occurs($0, in: text) }, "\(text)")
        #expect(scan.matrix == Self.occurs("begin", in: text), "\(text)")
        let percent = ["%", "percent", "Percent", "per cent", "Per cent", "pct", "Pct", "PERCENT", "PER CENT", "PCT"].contains { Self.occurs($0, in: text) }
        #expect(scan.percent == percent, "\(text)")
        #expect(scan.point == text.utf8.contains(0x2E), "\(text)")
        #expect(scan.cents == Self.occurs("cent", in: text), "\(text)")
    }

    @Test("every command name the lexer resolves is found, and near misses are not")
    func nameTableFindsExactlyItsNames() {
        let names = (0..<200).map { "name\($0)" } + ["a", "ab", "frac", "dfrac", "left", "right", "quad", "qquad"]
        let table = NameTable(names.enumerated().map { ($1, $0) })
        for (value, name) in names.enumerated() {
            #expect(table[Array(name.utf8)[...]] == value, "\(name)")
            #expect(table[name.utf8] == value, "\(name)")
        }
        for miss in ["", "nam", "name200", "name1 ", "Frac", "fra", "fracc", "b", "lef"] {
            #expect(table[miss.utf8] == nil, "\(miss)")
        }
        let replaced = NameTable([("x", 1), ("y", 2), ("x", 3)])
        #expect(replaced["x".utf8] == 3)
        #expect(replaced["y".utf8] == 2)
    }

    @Test("the command table gives each spelling the role the lexer had for it")
    func lexerRolesCoverEveryListedName() {
        for name in Lexer.ignored { #expect(Lexer.roles[name.utf8] == .ignored, "\(name)") }
        for name in Lexer.textual { #expect(Lexer.roles[name.utf8] == .textual, "\(name)") }
        for name in Lexer.transparent { #expect(Lexer.roles[name.utf8] == .transparent, "\(name)") }
        for (name, relation) in Lexer.relations { #expect(Lexer.roles[name.utf8] == .relation(relation), "\(name)") }
        for name in ["pi", "sin", "cup", "pm", "unknownname", "Frac"] { #expect(Lexer.roles[name.utf8] == nil, "\(name)") }
    }

    @Test("plain integers with a sign are read from the bytes", arguments: [
        ("-12", -12), ("12", 12), ("-0", 0), ("007", 7), ("-999999999999999999", -999_999_999_999_999_999),
    ])
    func signedPlainIntegers(_ text: String, _ value: Int) {
        #expect(MathAnswerChecker.plainInteger(text) == value)
    }

    @Test(arguments: ["", "-", "--1", "1-", "+1", "1.0", " 1", "-1234567890123456789", "1 2"])
    func otherTextsAreNoSignedInteger(_ text: String) {
        #expect(MathAnswerChecker.plainInteger(text) == nil)
    }

    @Test("thousands separators of every spelling, and the lexer's spacing after them", arguments: [
        ("2,\\!048,\\!000", "2048000"), ("7{,}500", "7500"), ("7{,}500{,}\\! 000", "7500000"), ("1\\,000", "1000"),
        ("1\\;000\\:000", "1000000"), ("1\\ 000", "1000"), ("1~000", "1000"), ("1 000 000", "1000000"),
        ("1,\\, 000", "1000"), ("12,345", "12345"),
    ])
    func separatorsJoinGroups(_ text: String, _ plain: String) throws {
        #expect(try Parser.parse(text) == Parser.parse(plain), "\(text)")
    }

    @Test("inside brackets a bare comma separates; a comma with a spacing command still joins groups", arguments: [
        ("(1,000)", "(1, 000)"), ("[2,500]", "[2, 500]"), ("1,\\,000", "1000"),
    ])
    func bracketedCommasSeparate(_ text: String, _ same: String) throws {
        #expect(try Parser.parse(text) == Parser.parse(same), "\(text)")
    }

    @Test("a name map answers as a dictionary would, in order while small and hashed past its limit")
    func nameMapMatchesADictionary() {
        var map = NameMap<Int>()
        var reference: [String: Int] = [:]
        var state: UInt64 = 12345
        for step in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let name = "v\(Int(state >> 33) % (step < 1_000 ? 12 : 40))"
            let value: Int? = state >> 62 == 0 ? nil : step
            map[name] = value
            reference[name] = value
            #expect(map[name] == reference[name])
            #expect(map.isEmpty == reference.isEmpty)
            #expect(Set(map.names) == Set(reference.keys))
        }
        map.removeAll(keepingCapacity: true)
        #expect(map.isEmpty && map["v1"] == nil)
        var names = SymbolNames()
        for name in ["x", "y", "x", "a_1"] { names.insert(name) }
        names.remove("y")
        #expect(Set(names) == ["x", "a_1"] && names.contains("a_1") && !names.contains("y"))
    }

    @Test("whether a node has free symbols, with a sum's own index bound", arguments: [
        ("x+1", true), ("2^{10}", false), ("\\sqrt{2}\\pi", false), ("\\sum_{k=1}^{10} k", false),
        ("\\sum_{k=1}^{n} k", true), ("\\sum_{k=1}^{10} k x", true), ("(1, y)", true), ("\\{1, 2\\}", false),
    ])
    func freeSymbols(_ text: String, _ expected: Bool) throws {
        #expect(try Parser.parse(text).hasSymbols == expected, "\(text)")
    }
}
