import RewardCore

/// `referee judge-eval`: labelled cases through the configured judge, compared kind by kind.
public enum JudgeEvaluation {
    /// Asks `judge` for every labelled verdict of `cases`, `concurrency` at a time, and reports per kind in
    /// the order kinds first appear. A kind that is neither a verdict kind nor one of `custom` is an error.
    public static func run(
        _ cases: [JudgeEvalCase], judge: any Judge, engine: RewardEngine, options: ScoringOptions,
        custom: [CustomComponent] = [], concurrency: Int = 8
    ) async throws(RewardError) -> [KindReport] {
        var work: [(kind: String, label: Bool, request: JudgeRequest)] = []
        var order: [String] = []
        for item in cases {
            for (kind, label) in item.expected {
                guard let request = engine.judgeRequest(kind, for: item.rollout, options: options, custom: custom) else {
                    let known = (VerdictKind.builtIn.map(\.rawValue) + custom.map(\.name)).joined(separator: ", ")
                    throw RewardError(code: .invalidValue, message: "case \(item.id): unknown kind '\(kind)' (known: \(known))", field: "expected.\(kind)")
                }
                if !order.contains(kind) { order.append(kind) }
                work.append((kind, label, request))
            }
        }
        var reports = Dictionary(uniqueKeysWithValues: order.map { ($0, KindReport(kind: $0)) })
        await withTaskGroup(of: (Int, Result<JudgeVerdict, JudgeFailure>).self) { group in
            var next = 0
            func addNext() {
                guard next < work.count else { return }
                let index = next
                let request = work[index].request
                next += 1
                group.addTask {
                    do {
                        return (index, .success(try await judge.verdict(for: request)))
                    } catch let failure as JudgeFailure {
                        return (index, .failure(failure))
                    } catch {
                        return (index, .failure(JudgeFailure(cause: .unreachable, message: "\(error)")))
                    }
                }
            }
            for _ in 0..<max(1, concurrency) { addNext() }
            for await (index, outcome) in group {
                let item = work[index]
                switch outcome {
                case .success(let verdict):
                    reports[item.kind]?.add(
                        label: item.label, judged: verdict.passed, agreement: verdict.agreement,
                        tokens: verdict.promptTokens + verdict.completionTokens, latencyMs: verdict.latencyMs, cached: verdict.fromCache)
                case .failure(let failure):
                    reports[item.kind]?.failures[failure.cause.errorCode.rawValue, default: 0] += 1
                }
                addNext()
            }
        }
        return order.compactMap { reports[$0] }
    }

    /// Reads a JSONL file's bytes into cases; blank lines are skipped, and a bad line is an error naming it.
    public static func cases(jsonl bytes: [UInt8]) throws(RewardError) -> [JudgeEvalCase] {
        var cases: [JudgeEvalCase] = []
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            cases.append(try JudgeEvalCase.read(line: Array(line), number: number))
        }
        return cases
    }
}
