import Foundation
import Testing

@testable import RewardCore

/// Answers custom components by name (a scale value or TRUE/FALSE) and the built-in kinds with TRUE.
actor CustomScriptedJudge: Judge {
    let values: [String: Double]
    private(set) var requests: [JudgeRequest] = []

    init(_ values: [String: Double]) { self.values = values }

    func verdict(for request: JudgeRequest) async throws -> JudgeVerdict {
        requests.append(request)
        guard let custom = request.custom else { return JudgeVerdict(passed: true, requiresReasoning: true) }
        let value = values[custom.name] ?? 1
        return JudgeVerdict(passed: value >= 0.5, rawText: "custom", promptTokens: 7, score: custom.form == .scale ? value : nil)
    }
}

@Suite("Custom judged components: in formulas, short-circuited, in results")
struct CustomComponentTests {
    static let reflection = CustomComponent(name: "reflection", promptFile: "/p/reflection.txt", form: .binary, inputs: [.prompt, .thinking])
    static let depth = CustomComponent(name: "depth", promptFile: "/p/depth.txt", form: .scale, inputs: [.answer, .groundTruth])

    static func rollout(_ answer: String = "7") -> Rollout {
        Rollout(
            id: .string("c"), prompt: "3+4?", response: "<judge>think</judge><think>3 + 4 = 7</think>So \\boxed{\(answer)}.",
            groundTruths: ["7"], requiresReasoning: true)
    }

    static func options(_ formula: String) throws -> ScoringOptions {
        try RequestConfig(formula: formula).scoringOptions(custom: [reflection, depth])
    }

    @Test("a formula names custom components; an unknown name lists them among the known ones")
    func formulaNames() throws {
        let formula = try Formula.parse("answer * min(reflection, depth)", custom: ["reflection", "depth"])
        #expect(formula.customComponents == ["depth", "reflection"])
        #expect(formula.evaluate([.answer: 1], custom: ["reflection": 1, "depth": 0.4]) == 0.4)
        #expect(formula.evaluate([.answer: 0]) == 0)
        #expect(formula.evaluate([.answer: 1], custom: ["reflection": 1]) == nil)
        #expect(throws: FormulaError.self) { try Formula.parse("answer * reflection") }
        do {
            _ = try RequestConfig(formula: "answer * reflexion").scoringOptions(custom: [Self.reflection])
            Issue.record("an unknown name parsed")
        } catch {
            #expect(error.code == .invalidFormula)
            #expect(error.message.contains("reflection"))
        }
    }

    @Test("each custom component is judged with only its declared inputs and counts in the reward")
    func judgedInFormula() async throws {
        let judge = CustomScriptedJudge(["reflection": 0, "depth": 0.6])
        let result = await RewardEngine(judge: judge).score(Self.rollout(), options: try Self.options("0.5 * answer + 0.25 * reflection + 0.25 * depth"))
        #expect(result.customComponents == ["reflection": 0, "depth": 0.6])
        #expect(result.customReasons == ["reflection": "judge_says_no", "depth": "judge_says_no"])
        #expect(abs(result.reward! - 0.65) < 1e-9)
        let requests = await judge.requests
        #expect(requests.map { $0.custom?.name } == ["depth", "reflection"])
        #expect(requests[0].question == "" && requests[0].answer == "So \\boxed{7}." && requests[0].reference == "7")
        #expect(requests[1].question == "3+4?" && requests[1].reasoning == "3 + 4 = 7" && requests[1].answer == "")
        #expect(result.verdicts.map(\.kind) == ["depth", "reflection"])
        #expect(result.judgeTokens == 14)
    }

    @Test("a wrong answer short-circuits the custom component: no call, skipped short_circuit")
    func shortCircuited() async throws {
        let judge = CustomScriptedJudge([:])
        let result = await RewardEngine(judge: judge).score(Self.rollout("8"), options: try Self.options("answer * reflection"))
        #expect(result.reward == 0)
        #expect(result.customSkipped == ["reflection": "short_circuit"])
        #expect(await judge.requests.isEmpty)
        let once = await RewardEngine(judge: judge).score(Self.rollout("8"), options: try Self.options("format * reflection"))
        #expect(once.customComponents["reflection"] == 1)
    }

    @Test("without a judge a custom component the formula needs makes the rollout abstain")
    func noJudge() async throws {
        let result = await RewardEngine().score(Self.rollout(), options: try Self.options("answer * reflection"))
        #expect(result.reward == nil)
        #expect(result.error?.code == .componentUnavailable)
        #expect(result.error?.message.contains("'reflection'") == true)
    }

    @Test("custom components are written among the components and read back")
    func wire() async throws {
        let judge = CustomScriptedJudge(["depth": 0.3])
        let rollout = Rollout(id: .string("w"), prompt: "3+4?", response: "<judge>direct</judge><think>\n</think>\\boxed{7}", groundTruths: ["7"], requiresReasoning: false)
        let result = await RewardEngine(judge: judge).score(rollout, options: try Self.options("answer * reflection * depth"))
        #expect(result.customSkipped == ["reflection": "no_reasoning"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.jsonBytes())) as? [String: Any])
        let components = try #require(object["components"] as? [String: Any])
        #expect(components["depth"] as? Double == 0.3)
        #expect(components["reflection"] is NSNull)
        #expect((object["skipped"] as? [String: String])?["reflection"] == "no_reasoning")
        let parsed = try JSONParser.parse(Array(result.jsonBytes()))
        guard case .object(let fields) = parsed else { Issue.record("not an object"); return }
        let back = try RewardResult(wire: fields)
        #expect(back.customComponents == result.customComponents)
        #expect(back.customSkipped == result.customSkipped)
        #expect(back.customReasons == result.customReasons)
    }

    @Test("a components file: relative prompt files, errors naming the component and key")
    func declarations() throws {
        let json = #"{"reflection": {"prompt_file": "reflection.txt", "verdict": "binary", "inputs": ["prompt", "thinking"]}, "depth": {"prompt_file": "/abs/depth.txt", "verdict": "scale", "inputs": ["answer"]}}"#
        let components = try CustomComponent.declarations(json: Array(json.utf8), directory: "/etc/referee")
        #expect(components.map(\.name) == ["depth", "reflection"])
        #expect(components[1].promptFile == "/etc/referee/reflection.txt")
        #expect(components[0].promptFile == "/abs/depth.txt" && components[0].form == .scale)
        func failure(_ text: String) -> RewardError? {
            do {
                _ = try CustomComponent.declarations(json: Array(text.utf8), directory: "")
                return nil
            } catch {
                return error
            }
        }
        #expect(failure(#"{"think": {"prompt_file": "t.txt", "verdict": "binary", "inputs": ["prompt"]}}"#)?.message.contains("clashes with the built-in") == true)
        #expect(failure(#"{"x": {"prompt_file": "t.txt", "verdict": "binary", "inputs": ["code"]}}"#)?.field == "x.inputs")
        #expect(failure(#"{"x": {"prompt_file": "t.txt", "verdict": "graded", "inputs": ["prompt"]}}"#)?.field == "x.verdict")
        #expect(failure(#"{"x": {"verdict": "binary", "inputs": ["prompt"]}}"#)?.field == "x.prompt_file")
        #expect(failure(#"{"x": {"prompt_file": "t.txt", "verdict": "binary", "inputs": ["prompt"], "weight": 2}}"#)?.field == "x.weight")
        #expect(failure(#"{"2x": {"prompt_file": "t.txt", "verdict": "binary", "inputs": ["prompt"]}}"#) != nil)
    }
}
