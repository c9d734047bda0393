import Foundation
import Testing

@testable import Judging

@Suite struct RetryPolicyTests {
    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryPolicy.retryAfterSeconds("3", now: now) == 3)
        #expect(RetryPolicy.retryAfterSeconds(" 0.5 ", now: now) == 0.5)
        #expect(RetryPolicy.retryAfterSeconds("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == 10)
        // A date in the past means "now", never a negative wait.
        #expect(RetryPolicy.retryAfterSeconds("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == 0)
    }

    @Test(arguments: [nil, "", "soon", "-5", "inf"] as [String?])
    func unreadableRetryAfterFallsBackToBackoff(header: String?) {
        #expect(RetryPolicy.retryAfterSeconds(header) == nil)
    }

    @Test func backoffGrowsAndStaysWithinItsCap() {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: 0.5, maxDelay: 4)
        for attempt in 0..<8 {
            let ceiling = min(4, 0.5 * pow(2, Double(attempt)))
            let delay = policy.backoff(afterAttempt: attempt)
            #expect(delay >= ceiling / 2 && delay <= ceiling)
        }
    }
}

@Suite struct JudgeConfigurationTests {
    @Test func theAPIKeyIsResolvedFromTheNamedVariable() throws {
        var configuration = JudgeConfiguration(
            baseURL: "http://127.0.0.1:1/v1", model: "m", apiKeyEnvironmentVariable: "JUDGE_KEY")
        try configuration.resolveAPIKey(from: ["JUDGE_KEY": "sk-1"])
        #expect(configuration.apiKey == "sk-1")
    }

    @Test func anUnsetKeyVariableIsNamedButNoValueShown() {
        var configuration = JudgeConfiguration(
            baseURL: "http://127.0.0.1:1/v1", model: "m", apiKeyEnvironmentVariable: "JUDGE_KEY")
        let error = #expect(throws: JudgeSetupError.self) { try configuration.resolveAPIKey(from: ["OTHER": "x"]) }
        #expect(error?.message.contains("JUDGE_KEY") == true)
    }

    @Test func badSettingsAreNamed() {
        let configuration = JudgeConfiguration(baseURL: "127.0.0.1:8080", model: " ", maxConcurrency: 0, votes: 0)
        let problems = configuration.problems().joined(separator: "\n")
        #expect(problems.contains("base URL") && problems.contains("model"))
        #expect(problems.contains("concurrency") && problems.contains("votes"))
    }
}
