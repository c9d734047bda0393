import FakeJudgeServer
import Foundation
import RewardCore
import Testing
import VerdictStore

@testable import Judging

/// Custom judged components at the judge: their prompt files checked at start-up, their verdict forms,
/// their cache keys.
@Suite struct CustomComponentJudgeTests {
    static let reflectionPrompt = """
        You check whether the reasoning reflects on its own mistakes.
        === USER ===
        {{prompt}}

        {{thinking}}

        Does the reasoning check itself? Reply TRUE or FALSE only.
        """

    /// A prompt file in a fresh folder, and the component declaring it.
    static func component(
        _ name: String = "reflection", text: String = reflectionPrompt, form: CustomComponent.Form = .binary,
        inputs: Set<CustomComponent.Input> = [.prompt, .thinking]
    ) throws -> CustomComponent {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referee-custom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(name).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return CustomComponent(name: name, promptFile: file.path, form: form, inputs: inputs)
    }

    static func request(_ component: CustomComponent, thinking: String = "2 + 2 = 4; checking: 4 - 2 = 2.") -> JudgeRequest {
        var request = JudgeRequest(kind: .custom, question: "What is 2 + 2?", reasoning: thinking)
        request.custom = component
        return request
    }

    static func judge(_ url: String, _ components: [CustomComponent], cache: any VerdictCache = InMemoryVerdictCache()) throws -> LLMJudge {
        var configuration = Fixtures.configuration(url)
        configuration.customComponents = components
        return try Fixtures.judge(configuration, cache: cache)
    }

    @Test func startUpErrorsNameTheProblem() throws {
        let url = "http://127.0.0.1:9/v1"
        func message(_ component: CustomComponent) -> String {
            do {
                _ = try Self.judge(url, [component])
                return ""
            } catch {
                return "\(error)"
            }
        }
        let unknown = try Self.component(text: Self.reflectionPrompt.replacingOccurrences(of: "{{thinking}}", with: "{{reasoning}}"))
        #expect(message(unknown).contains("unknown placeholder {{reasoning}}"))
        let undeclared = try Self.component(text: Self.reflectionPrompt + "\n{{answer}}")
        #expect(message(undeclared).contains("uses {{answer}} but the component's inputs do not include answer"))
        let unused = try Self.component(inputs: [.prompt, .thinking, .groundTruth])
        #expect(message(unused).contains("lacks the placeholder {{ground_truth}}"))
        var missing = try Self.component()
        missing.promptFile += ".gone"
        #expect(message(missing).contains("prompt file for custom component 'reflection' not found at"))
        let clash = try Self.component("logic")
        #expect(message(clash).contains("clashes with the built-in component"))
        #expect(message(try Self.component()).isEmpty)
    }

    @Test func aBinaryComponentIsAskedWithItsOwnPromptAndCached() async throws {
        let script = JudgeScript()
        await script.answer("FALSE", whenBodyContains: "reflects on its own mistakes")
        let component = try Self.component()
        try await FakeJudgeServer.run(script) { url in
            let judge = try Self.judge(url, [component])
            let first = try await judge.verdict(for: Self.request(component))
            let second = try await judge.verdict(for: Self.request(component))
            #expect(!first.passed && first.score == nil)
            #expect(second.fromCache)
        }
        #expect(await script.calls == 1)
        let body = try #require(try await script.requests().first)
        let messages = try #require(body["messages"] as? [[String: Any]])
        let user = try #require(messages.last?["content"] as? String)
        #expect(user.contains("[BEGIN QUESTION #") && user.contains("What is 2 + 2?"))
        #expect(user.contains("[BEGIN REASONING #") && user.contains("checking: 4 - 2 = 2."))
    }

    @Test func aScaleVerdictIsNormalisedAndReadAgainFromTheCache() async throws {
        let script = JudgeScript()
        await script.setDefaults(verdict: "7/10")
        let component = try Self.component("depth", text: Self.reflectionPrompt, form: .scale)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verdicts-\(UUID()).sqlite").path
        try await FakeJudgeServer.run(script) { url in
            let fresh = try await Self.judge(url, [component], cache: SQLiteVerdictCache(path: path)).verdict(for: Self.request(component))
            #expect(fresh.score == 0.7 && fresh.passed)
            let stored = try await Self.judge(url, [component], cache: SQLiteVerdictCache(path: path)).verdict(for: Self.request(component))
            #expect(stored.fromCache && stored.score == 0.7)
        }
        #expect(VerdictParser.parseScale("10")?.score == 1)
        #expect(VerdictParser.parseScale("**3**")?.score == 0.3)
        #expect(VerdictParser.parseScale("11") == nil)
        #expect(VerdictParser.parseScale("7.5") == nil)
        #expect(VerdictParser.parseScale("TRUE") == nil)
    }

    @Test func editingTheComponentsPromptFileChangesTheKey() throws {
        let component = try Self.component()
        let template = try PromptTemplate(custom: component, text: Self.reflectionPrompt, path: component.promptFile)
        let edited = try PromptTemplate(custom: component, text: Self.reflectionPrompt + "\nBe strict.", path: component.promptFile)
        let configuration = Fixtures.configuration("http://127.0.0.1:9/v1")
        let request = Self.request(component)
        let key = CacheKey.make(request: request, template: template, configuration: configuration)
        #expect(key != CacheKey.make(request: request, template: edited, configuration: configuration))
        var renamed = request
        renamed.custom?.name = "other"
        #expect(key != CacheKey.make(request: renamed, template: template, configuration: configuration))
        // Inputs the component does not declare are not in its prompt, so they do not change its key.
        var withAnswer = request
        withAnswer.answer = "4"
        #expect(key == CacheKey.make(request: withAnswer, template: template, configuration: configuration))
    }

    @Test func scaleVotesTakeTheMedian() {
        let ballots = [3, 8, 7].map { JudgeVerdict(passed: $0 >= 5, rawText: "\($0)", score: Double($0) / 10) }
        let verdict = VoteCount.majority(of: ballots)
        #expect(verdict.score == 0.7 && verdict.passed)
        #expect(abs(verdict.agreement - 1.0 / 3) < 1e-9)
        #expect(VerdictParser.storedScale(verdict.rawText) == 0.7)
    }
}
