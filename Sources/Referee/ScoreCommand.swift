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
        let input = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let request: RewardRequest
        let scoring: ScoringOptions
        do {
            request = try Wire.readRewardRequest(input, parallelism: ProcessInfo.processInfo.activeProcessorCount)
            scoring = try configuration.scoring.overlaid(with: request.config).scoringOptions(custom: configuration.customComponents)
        } catch {
            throw Self.invalidInput(error)
        }
        if !request.isBatch, case .failure(let error) = request.items[0].rollout { throw Self.invalidInput(error) }
        let textLimit = scoring.include.contains(.judge) ? configuration.judgeRawTextLimit : nil
        let output = try await withEngine(configuration) { engine -> [UInt8] in
            if request.isBatch {
                let batch = await engine.scoreBatch(request.items, options: scoring, warnings: request.warnings)
                return batch.jsonBytes(includeAdvantage: scoring.advantage != .none, verdictTextLimit: textLimit, parallelism: engine.parallelism)
            }
            let rollout = try request.items[0].rollout.get()
            return await engine.score(rollout, options: scoring).jsonBytes(includeAdvantage: scoring.advantage != .none, verdictTextLimit: textLimit)
        }
        FileHandle.standardOutput.write(Data(output + [UInt8(ascii: "\n")]))
    }

    static func invalidInput(_ error: RewardError) -> any Error {
        let place = error.field.map { " (\($0))" } ?? ""
        FileHandle.standardError.write(Data("referee score: invalid input\(place): \(error.message)\n".utf8))
        return ExitCode(2)
    }
}
