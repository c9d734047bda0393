import Foundation
import Hummingbird
import HummingbirdTesting
import RefereeServer
import Testing

/// Runs `body` against the application built from `configuration`, in process.
func withReferee(
    _ configuration: RefereeConfiguration = RefereeConfiguration(),
    dependencies: ApplicationDependencies = .init(),
    live: Bool = false,
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    var configuration = configuration
    configuration.port = 0
    let app = try await buildApplication(configuration, dependencies: dependencies)
    // The router client runs one request at a time; tests with requests in parallel need a live server.
    try await app.test(live ? .live : .router, body)
}

extension TestClientProtocol {
    /// POSTs a JSON string and returns the status and the decoded JSON body.
    func post(_ path: String, json: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await execute(uri: path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json)) { response in
            let data = Data(response.body.readableBytesView)
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            return (response.status, object)
        }
    }
}

/// A well-formed response choosing `decision` and boxing `answer`.
func response(_ decision: String, _ answer: String) -> String {
    let think = decision == "think" ? "3 + 4 = 7" : "\\n\\n"
    return "<judge>\(decision)</judge><think>\(think)</think>So \\\\boxed{\(answer)}."
}

/// Holds every caller until opened, then lets the held and all later callers through; counts them.
/// The gated judge and the gated code runner fill their queues with it.
actor Gate {
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var isOpen = false
    /// Callers so far, held or not.
    private(set) var arrivals = 0

    /// Returns once the gate is open.
    func pass() async {
        arrivals += 1
        if !isOpen { await withCheckedContinuation { waiting.append($0) } }
    }

    /// Lets every held caller and every later one through.
    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }
}
