import ArgumentParser
import Foundation
import RefereeServer

/// `referee healthcheck`: asks a running `referee serve` for `GET /healthz`; for container health checks,
/// where the slim image has no curl.
struct HealthcheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the service on this host answers GET /healthz with status ok, 1 otherwise.")

    @Option(help: "Port of the service (REFEREE_PORT). Default 8080.") var port: String?
    @Option(help: "IPv4 address or name to ask. Default 127.0.0.1, which a service bound to 0.0.0.0 also answers.")
    var host = "127.0.0.1"
    @Option(help: "Seconds before giving up.") var timeout: Double = 3

    func validate() throws {
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be in (0, 300] seconds, got \(timeout)") }
    }

    func run() async throws {
        do throws(HealthcheckFailure) {
            let url = try healthURL(environment: ProcessInfo.processInfo.environment)
            try await HealthProbe.check(url, timeout: timeout)
            print("healthy: \(url) answered status ok")
        } catch {
            // Exit 1 is what Docker's HEALTHCHECK reads as unhealthy (2 is reserved).
            FileHandle.standardError.write(Data("unhealthy: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The URL to ask: the port from `--port`, else `REFEREE_PORT`, else 8080.
    func healthURL(environment: [String: String]) throws(HealthcheckFailure) -> URL {
        let (text, source) = port.map { ($0, "--port") } ?? environment["REFEREE_PORT"].map { ($0, "REFEREE_PORT") } ?? ("8080", "default")
        guard let number = Int(text.trimmingCharacters(in: .whitespaces)), (1...65535).contains(number) else {
            throw HealthcheckFailure(message: "\(source): port must be an integer in 1...65535, got '\(text)'")
        }
        // URLSession on Linux answers "bad URL" for a bracketed IPv6 literal, so say so before trying.
        guard !host.contains(":") else {
            throw HealthcheckFailure(message: "--host: IPv6 literals are not supported here, got '\(host)'; use 127.0.0.1 or a name")
        }
        guard let url = URL(string: "http://\(host):\(number)/healthz") else {
            throw HealthcheckFailure(message: "--host: '\(host)' does not make a valid URL")
        }
        return url
    }
}
