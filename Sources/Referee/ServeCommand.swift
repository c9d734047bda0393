import ArgumentParser
import Hummingbird
import RefereeServer

/// `referee serve`: runs the HTTP service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the reward service over HTTP.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.load()
        let app = try await buildApplication(configuration)
        try await app.runService()
    }
}
