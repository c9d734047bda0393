import Foundation
import RewardCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Scores chunks through a running service's `POST /reward`: the chunk's readable lines go as one batch
/// (their bytes verbatim), bad lines are answered locally, and the service's result objects are copied out as they came.
public struct ServerChunkScorer: ChunkScorer {
    /// `{base}/reward`.
    public let endpoint: URL
    /// The `config` object sent with every batch.
    public let config: [UInt8]
    /// A bearer token for a service that requires one.
    public let token: String?
    /// Attempts per batch on connection errors, 429 and 5xx, with doubling waits from half a second.
    public var attempts = 6
    private let owner: SessionOwner

    /// Creates a scorer for the service at `base` (such as `http://127.0.0.1:8080`).
    public init(base: String, config: RequestConfig, token: String?, timeoutSeconds: Double = 600) throws(RescoreError) {
        guard let url = URL(string: base), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
            throw RescoreError(code: "usage", message: "--server must be an http(s) URL such as http://127.0.0.1:8080, not '\(base)'")
        }
        endpoint = url.appendingPathComponent("reward")
        self.config = Self.configJSON(config)
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeoutSeconds
        owner = SessionOwner(URLSession(configuration: configuration))
    }

    /// Sends the chunk's readable lines and turns the answer into output lines.
    public func score(_ chunk: InputChunk) async throws -> ChunkOutput {
        let read = ReadChunk(chunk)
        var body = Array(#"{"rollouts":["#.utf8)
        var sent = 0
        var offset = 0
        chunk.forEachLine { _, bytes in
            defer { offset += 1 }
            guard case .success = read.items[offset] else { return }
            if sent > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: bytes)
            sent += 1
        }
        body.append(contentsOf: #"],"config":"#.utf8)
        body.append(contentsOf: config)
        body.append(UInt8(ascii: "}"))
        let answer = sent > 0 ? try await post(body) : Array(#"{"results":[]}"#.utf8)
        let ranges = try Self.resultRanges(answer, expected: sent)
        var output = ChunkOutput(sequence: chunk.sequence, expectedLines: read.items.count)
        var next = 0
        for index in read.items.indices {
            let record: OutputRecord
            switch read.items[index] {
            case .failure(let error):
                record = OutputRecord(line: read.numbers[index], label: read.labels[index], result: .invalid(id: read.ids[index], error: error))
                output.add(record)
            case .success:
                let slice = answer[ranges[next]]
                next += 1
                let result = try slice.withUnsafeBufferPointer { buffer throws(RescoreError) in
                    guard case .object(let object) = try? JSONParser.parse(buffer), let result = try? RewardResult(json: object) else {
                        throw RescoreError(code: "server", message: "the service answered a result that is not a result object")
                    }
                    return result
                }
                output.add(OutputRecord(line: read.numbers[index], label: read.labels[index], result: result), resultObject: slice)
            }
        }
        return output
    }

    static func resultRanges(_ answer: [UInt8], expected: Int) throws(RescoreError) -> [Range<Int>] {
        let ranges = try? answer.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try JSONParser.elementRanges(ofArray: "results", in: buffer)
        }
        guard let found = ranges ?? nil, found.count == expected else {
            throw RescoreError(code: "server", message: "the service's answer does not hold \(expected) results")
        }
        return found
    }

    private func post(_ body: [UInt8]) async throws -> [UInt8] {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        var wait = 0.5
        var problem = ""
        for attempt in 1...max(1, attempts) {
            try Task.checkCancellation()
            do {
                let (data, response) = try await owner.session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if status == 200 { return [UInt8](data) }
                problem = "HTTP \(status): " + String(decoding: data.prefix(300), as: UTF8.self)
                guard status == 429 || status >= 500 else { throw Self.refused(status, problem) }
            } catch let error as RescoreError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                problem = "\(error.localizedDescription)"
            }
            if attempt < attempts {
                try await Task.sleep(for: .milliseconds(Int(wait * 1000 * Double.random(in: 0.8...1.2))))
                wait *= 2
            }
        }
        throw RescoreError(code: "server", message: "the service at \(endpoint) failed after \(attempts) attempts: \(problem)")
    }

    static func refused(_ status: Int, _ problem: String) -> RescoreError {
        let hint = switch status {
        case 401: " (set REFEREE_AUTH_TOKEN, or pass --server-token-env VAR naming the variable that holds the service's bearer token)"
        case 413: " (lower --chunk-lines so that a batch fits the service's max_body_bytes and max_batch_size)"
        default: ""
        }
        return RescoreError(code: "server", message: "the service refused a batch: \(problem)\(hint)")
    }

    /// The config object: the settings given to rescore (flags, environment, config file), advantages off.
    static func configJSON(_ config: RequestConfig) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.raw("{")
        writer.key("advantage")
        writer.string("none")
        if let alpha = config.alpha { writer.raw(","); writer.key("alpha"); writer.number(alpha) }
        if let preset = config.preset { writer.raw(","); writer.key("preset"); writer.string(preset.rawValue) }
        if let formula = config.formula { writer.raw(","); writer.key("formula"); writer.string(formula) }
        if let shortCircuit = config.shortCircuit { writer.raw(","); writer.key("short_circuit"); writer.bool(shortCircuit) }
        if let tolerance = config.tolerance { writer.raw(","); writer.key("tolerance"); writer.number(tolerance) }
        for (key, words) in [("think_words", config.thinkWords), ("direct_words", config.directWords)] {
            guard let words else { continue }
            writer.raw(",")
            writer.key(key)
            writer.raw("[")
            for (offset, word) in words.enumerated() {
                writer.comma(offset > 0)
                writer.string(word)
            }
            writer.raw("]")
        }
        writer.raw("}")
        return writer.bytes
    }
}

/// Owns the URL session: when the last copy of the scorer goes, the session finishes its tasks and is released.
final class SessionOwner: Sendable {
    let session: URLSession

    init(_ session: URLSession) {
        self.session = session
    }

    deinit {
        session.finishTasksAndInvalidate()
    }
}
