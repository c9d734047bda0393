import Foundation
import RewardCore
import Testing

@testable import Rescore

#if canImport(Glibc)
import Glibc
#endif

/// The resume guarantee against a real `referee rescore` process killed with SIGKILL at several points.
@Suite("rescore after kill -9", .serialized)
struct KillResumeTests {
    /// The `referee` binary the test build made (`swift build --build-tests` builds it next to the tests).
    static func binary() throws -> String {
        let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("referee").path
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [beside, package.appendingPathComponent(".build/debug/referee").path]
        guard let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw RescoreError(code: "usage", message: "no referee binary at \(candidates): run `swift build --build-tests` first")
        }
        return found
    }

    static func start(_ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        return process
    }

    /// Waits for `process` to exit, at most `seconds`; a run that hangs fails the test instead of the whole suite.
    static func waitForExit(_ process: Process, seconds: Int = 300) async throws {
        for _ in 0..<(seconds * 20) where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning, process.processIdentifier > 0 {
            kill(process.processIdentifier, SIGKILL)
            throw RescoreError(code: "timeout", message: "rescore did not exit within \(seconds) s")
        }
        process.waitUntilExit()
    }

    static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// 60,000 rollouts with a bad line every 997 and a blank line every 1009.
    static func writeInput(_ path: String) throws -> (lines: [String], count: Int) {
        var lines: [String] = []
        for index in 0..<60_000 {
            lines.append(index % 1009 == 500 ? "" : index % 997 == 3 ? #"{"id":"q\#(index)","prompt":"missing response"}"# : Fixtures.rollout(index))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return (lines, lines.count)
    }

    @Test func killedAtSeveralPointsAndResumedHoldsEveryLineOnce() async throws {
        let directory = try TemporaryDirectory()
        let input = directory.file("in.jsonl")
        let output = directory.file("out.jsonl")
        let (lines, _) = try Self.writeInput(input)
        let expectedLines = lines.filter { !$0.isEmpty }.count
        let arguments = ["rescore", input, "-o", output, "--chunk-lines", "64", "--progress", "off"]
        var killedMidRun = 0
        for (round, fraction) in [0.05, 0.3, 0.55, 0.8].enumerated() {
            let process = try Self.start(arguments + (round == 0 ? [] : ["--resume"]), log: directory.file("log\(round)"))
            let threshold = Int(fraction * Double(expectedLines) * 400)
            while process.isRunning, Self.size(output) < threshold { try await Task.sleep(for: .milliseconds(2)) }
            if process.isRunning, process.processIdentifier > 0 {
                kill(process.processIdentifier, SIGKILL)
                killedMidRun += 1
            }
            try await Self.waitForExit(process)
        }
        #expect(killedMidRun >= 3, "the run finished before most kills: make the input larger")
        let last = try Self.start(arguments + ["--resume"], log: directory.file("log-final"))
        try await Self.waitForExit(last)
        #expect(last.terminationStatus == 0, "\(String(decoding: FileManager.default.contents(atPath: directory.file("log-final")) ?? Data(), as: UTF8.self))")

        let bytes = FileManager.default.contents(atPath: output) ?? Data()
        #expect(bytes.last == UInt8(ascii: "\n"))
        var seen = LineSet()
        var badLines: [Int] = []
        let engine = RewardEngine()
        for text in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let record = try Fixtures.record(String(text))
            let firstTime = seen.insert(record.line)
            #expect(firstTime, "line \(record.line) written twice")
            let source = lines[record.line - 1]
            #expect(!source.isEmpty)
            let rollout = Wire.readRollout(Array(source.utf8))
            #expect(record.result.id == rollout.id)
            switch rollout.rollout {
            case .success(let rollout) where record.line % 101 == 0:
                #expect(record.result.reward == engine.scoreWithRules(rollout, options: ScoringOptions()).reward)
            case .failure:
                badLines.append(record.line)
            default:
                break
            }
        }
        #expect(seen.count == expectedLines)
        let reported = try String(decoding: FileManager.default.contents(atPath: output + ".errors.jsonl") ?? Data(), as: UTF8.self)
            .split(separator: "\n").map { try JSONParser.parse(Array($0.utf8))["line"]?.integer ?? 0 }
        #expect(reported.sorted() == badLines.sorted())
        #expect(badLines.count == (0..<60_000).filter { $0 % 997 == 3 && $0 % 1009 != 500 }.count)
    }
}
