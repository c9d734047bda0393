import ArgumentParser
import Hummingbird
import Logging
import RefereeServer
import ServiceLifecycle

/// `referee serve`: runs the HTTP service until SIGTERM or SIGINT, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the reward service over HTTP.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try options.load()
        let app = try await buildApplication(configuration)
        // In-flight requests get shutdown_timeout seconds to finish; then they are cancelled.
        var group = ServiceGroupConfiguration(
            services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger)
        group.maximumGracefulShutdownDuration = .milliseconds(Int64(configuration.shutdownTimeoutSeconds * 1000))
        try await ServiceGroup(configuration: group).run()
    }
}
