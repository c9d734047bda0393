import Testing

@testable import RewardCore

@Suite("Formula presets, custom formulas and short-circuit evaluation")
struct FormulaTests {
    let all: ComponentMap<Double> = [.format: 1, .answer: 1, .judge: 1, .think: 2.0 / 3, .logic: 1, .grounding: 1, .consistency: 0]

    @Test("presets")
    func presets() throws {
        #expect(Formula.sail(alpha: 0.9).evaluate(all)! == 0.9 * (2.0 / 3) + 0.1)
        #expect(Formula.answerFormat(alpha: 0.5).evaluate([.answer: 0, .format: 1]) == 0.5)
        #expect(Formula.answerOnly.evaluate([.answer: 1]) == 1)
        #expect(Formula.answerOnly.components == [.answer])
    }

    @Test(
        "custom formulas",
        arguments: [
            ("answer", 1.0), ("0.5*answer + 0.5*format", 1), ("min(logic, grounding, consistency)", 0),
            ("max(logic, consistency)", 1), ("(answer - consistency) / 2", 0.5), ("-answer + 2", 1),
            ("1e-1 * format", 0.1), ("judge*answer*(logic+grounding)/2", 1),
        ])
    func custom(source: String, expected: Double) throws {
        let formula = try Formula.parse(source)
        #expect(abs(formula.evaluate(all)! - expected) < 1e-12)
    }

    @Test(
        "a bad formula names the position",
        arguments: [
            ("answer *", 9), ("answr + format", 1), ("(answer", 8), ("answer format", 8), ("min(answer", 11),
            ("2 ** answer", 4), ("", 1),
        ])
    func badFormula(source: String, position: Int) {
        #expect(throws: FormulaError.self) { try Formula.parse(source) }
        do {
            _ = try Formula.parse(source)
        } catch {
            #expect(error.position == position, "\(error)")
        }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let source = String(repeating: "(", count: 10_000) + "answer" + String(repeating: ")", count: 10_000)
        #expect(throws: FormulaError.self) { try Formula.parse(source) }
    }

    @Test("a known zero factor decides the product whatever the unknowns are")
    func shortCircuit() throws {
        let sail = Formula.sail(alpha: 0.9)
        #expect(abs(sail.evaluate([.format: 1, .answer: 0])! - 0.1) < 1e-12)
        #expect(sail.evaluate([.format: 1, .answer: 1]) == nil)
        #expect(abs(sail.evaluate([.format: 1, .answer: 1, .judge: 0])! - 0.1) < 1e-12)
        let custom = try Formula.parse("0.5*answer + 0.5*think")
        #expect(custom.evaluate([.answer: 0]) == nil)
    }
}
