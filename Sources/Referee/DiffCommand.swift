import ArgumentParser
import Foundation
import Rescore

/// `referee diff OLD.jsonl NEW.jsonl`: what changed between two scorings of the same rollouts.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two result files joined by id (or by line): flips per component, reward deltas, changed ids."
    )

    @Argument(help: "The earlier results (JSONL, e.g. a rescore output).") var old: String
    @Argument(help: "The later results.") var new: String
    @Flag(help: "Print JSON (every changed id) instead of text.") var json = false
    @Option(help: "Changed ids listed in the text output.") var limit = 20

    func run() async throws {
        let diff: ResultDiff
        do {
            diff = try ResultDiff(old: old, new: new)
        } catch let error as RescoreError {
            FileHandle.standardError.write(Data("referee diff: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            FileHandle.standardOutput.write(Data(diff.json()))
        } else {
            FileHandle.standardOutput.write(Data(diff.text(limit: limit).utf8))
        }
    }
}
