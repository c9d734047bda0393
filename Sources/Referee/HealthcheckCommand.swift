import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
            try await Self.check(url, timeout: timeout)
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

    /// Succeeds when `url` answers 200 with the JSON object `{"status": "ok"}` within `timeout` seconds.
    static func check(_ url: URL, timeout: Double) async throws(HealthcheckFailure) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.invalidateAndCancel() }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(from: url)
        } catch let error as URLError {
            let reason = error.code == .timedOut ? "no answer within \(timeout) s" : error.localizedDescription
            throw HealthcheckFailure(message: "GET \(url) failed: \(reason)")
        } catch {
            throw HealthcheckFailure(message: "GET \(url) failed: \(error)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        // The body's first 200 bytes, on one line, so the message stays one line in Docker's health log.
        let body = String(decoding: data.prefix(200), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        guard status == 200 else { throw HealthcheckFailure(message: "GET \(url) answered HTTP \(status): \(body)") }
        guard let object = try? JSONDecoder().decode([String: String].self, from: data), object["status"] == "ok" else {
            throw HealthcheckFailure(message: "GET \(url) answered 200 without status ok: \(body)")
        }
    }
}

/// Why the service is not healthy, in one line.
struct HealthcheckFailure: Error {
    /// What went wrong, naming the URL or the setting.
    var message: String
}
