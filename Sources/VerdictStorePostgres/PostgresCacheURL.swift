import Foundation
import NIOSSL
import PostgresNIO
import VerdictStore

/// A `postgres://user:password@host:port/database?sslmode=...` cache location, checked once at start-up.
public struct PostgresCacheURL: Sendable, Equatable {
    /// How the connection is encrypted, as libpq's `sslmode` spells it.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP (a loopback or private-network server).
        case disable
        /// TLS when the server offers it, plain otherwise; libpq's default.
        case prefer
        /// TLS or no connection, with the server's certificate verified.
        case require
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database holding the cache tables.
    public var database: String
    /// How the connection is encrypted.
    public var tls: TLSMode
    /// Most connections the pool opens to the server.
    public var maxConnections: Int
    /// Longest wait for one cache operation (or for the first connection at start-up) before it fails:
    /// a verdict cache that is down costs judge calls, never a stalled request.
    public var timeout: Duration

    /// Whether `location` names a PostgreSQL server rather than an SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Parses `text`; throws `VerdictStoreError` (`bad_cache_url`) naming the part that is wrong.
    public init(parsing text: String) throws {
        func bad(_ problem: String) -> VerdictStoreError {
            VerdictStoreError(code: "bad_cache_url", message: "cache URL \(Self.redacted(text)): \(problem)")
        }
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw bad("expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]")
        }
        guard let host = components.host, !host.isEmpty else { throw bad("the host is missing") }
        guard let user = components.user, !user.isEmpty else { throw bad("the user is missing (postgres://USER@HOST/DATABASE)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { throw bad("the database name is missing or has a '/'") }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw bad("the port must be 1-65535, got \(port)") }
        var tls = TLSMode.prefer
        var maxConnections = 20
        var timeout = Duration.seconds(5)
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw bad("sslmode must be one of disable, prefer, require; got '\(item.value ?? "")'")
                }
                tls = mode
            case "max_connections":
                guard let value = item.value.flatMap(Int.init), (1...1000).contains(value) else {
                    throw bad("max_connections must be a whole number from 1 to 1000, got '\(item.value ?? "")'")
                }
                maxConnections = value
            case "timeout":
                guard let value = item.value.flatMap(Double.init), value > 0, value <= 3600 else {
                    throw bad("timeout must be seconds above 0 and at most 3600, got '\(item.value ?? "")'")
                }
                timeout = .milliseconds(Int64(value * 1000))
            default:
                throw bad("unknown parameter '\(item.name)' (known: sslmode, max_connections, timeout)")
            }
        }
        self.host = host
        self.port = port
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? user
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
        self.maxConnections = maxConnections
        self.timeout = timeout
    }

    /// The URL with its password replaced by `***`, for logs and error messages.
    public var redacted: String {
        var text = "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        if tls != .prefer { text += "?sslmode=\(tls.rawValue)" }
        return text
    }

    /// The URL in full, password included, for handing to another process.
    public var urlWithPassword: String {
        func encoded(_ part: String) -> String {
            part.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@"))) ?? part
        }
        var text = "postgres://\(encoded(username))\(password.map { ":" + encoded($0) } ?? "")@\(host):\(port)/\(database)"
        var parameters: [String] = []
        if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
        if maxConnections != 20 { parameters.append("max_connections=\(maxConnections)") }
        if timeout != .seconds(5) { parameters.append("timeout=\(timeout / .seconds(1))") }
        if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
        return text
    }

    /// The client configuration for this server.
    var clientConfiguration: PostgresClient.Configuration {
        let tlsSetting: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: tlsSetting = .disable
        case .prefer: tlsSetting = .prefer(.makeClientConfiguration())
        case .require: tlsSetting = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        configuration.options.maximumConnections = maxConnections
        configuration.options.connectTimeout = timeout
        return configuration
    }

    /// The configuration of one direct connection, used at start-up, where a failure must be reported at once
    /// (the pool retries a refused or rejected connection for ever).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tlsSetting: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: tlsSetting = .disable
        case .prefer: tlsSetting = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tlsSetting = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        configuration.options.connectTimeout = .nanoseconds(Int64(timeout / .nanoseconds(1)))
        return configuration
    }

    /// `text` with anything between `:` and `@` after the scheme hidden, for messages about unparsable URLs.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
            scheme.upperBound < at.lowerBound,
            let colon = text[scheme.upperBound..<at.lowerBound].firstIndex(of: ":")
        else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at.lowerBound...])
    }
}
