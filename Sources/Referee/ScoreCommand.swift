import ArgumentParser
import Foundation
import RefereeServer
import RewardCore

/// `referee score`: scores the rollout JSON on standard input and prints the result JSON.
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score one rollout (or a {\"rollouts\": [...]} batch) read as JSON from standard input."
    )

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.load()
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let request: RewardRequest
        let scoring: ScoringOptions
        do {
            request = try RewardRequest.decode(input)
            scoring = try configuration.scoring.overlaid(with: request.config).scoringOptions()
        } catch {
            throw Self.invalidInput(error)
        }
        let engine = try buildEngine(configuration)
        let output: [UInt8]
        if request.isBatch {
            let batch = await engine.scoreBatch(request.items.map(\.rollout), ids: request.items.map(\.id), options: scoring)
            output = batch.jsonBytes(includeAdvantage: scoring.advantage != .none)
        } else {
            guard case .success(let rollout) = request.items[0].rollout else {
                if case .failure(let error) = request.items[0].rollout { throw Self.invalidInput(error) }
                return
            }
            output = await engine.score(rollout, options: scoring).jsonBytes(includeAdvantage: scoring.advantage != .none)
        }
        FileHandle.standardOutput.write(Data(output + [UInt8(ascii: "\n")]))
    }

    static func invalidInput(_ error: RewardError) -> any Error {
        let place = error.field.map { " (\($0))" } ?? ""
        FileHandle.standardError.write(Data("referee score: invalid input\(place): \(error.message)\n".utf8))
        return ExitCode(2)
    }
}
