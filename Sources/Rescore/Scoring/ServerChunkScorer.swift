import RewardClient
import RewardCore

/// Scores chunks through a running service's `POST /reward`: the chunk's readable lines go as one batch
/// (their bytes verbatim), bad lines are answered locally, and the service's result objects are copied out as they came.
public struct ServerChunkScorer: ChunkScorer {
    /// The shared reward-service client (retries, bearer token).
    public let client: RewardServiceClient
    /// The `config` object sent with every batch.
    public let config: [UInt8]

    /// Creates a scorer for the service at `base` (such as `http://127.0.0.1:8080`).
    public init(base: String, config: RequestConfig, token: String?, timeoutSeconds: Double = 600) throws(RescoreError) {
        do {
            client = try RewardServiceClient(base: base, token: token, timeoutSeconds: timeoutSeconds)
        } catch {
            throw RescoreError(code: "usage", message: "--server: \(error.message)")
        }
        self.config = Self.configJSON(config)
    }

    /// Sends the chunk's readable lines and turns the answer into output lines.
    public func score(_ chunk: InputChunk) async throws -> ChunkOutput {
        let read = ReadChunk(chunk)
        var body = Array(#"{"rollouts":["#.utf8)
        var sent = 0
        var offset = 0
        chunk.forEachLine { _, bytes in
            defer { offset += 1 }
            guard case .success = read.items[offset].rollout else { return }
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
            let item = read.items[index]
            switch item.rollout {
            case .failure(let error):
                record = OutputRecord(line: read.numbers[index], label: item.label, result: .invalid(id: item.id, error: error, warnings: item.warnings))
                output.add(record)
            case .success:
                let slice = answer[ranges[next]]
                next += 1
                let result = try slice.withUnsafeBufferPointer { buffer throws(RescoreError) in
                    guard case .object(let object) = try? JSONParser.parse(buffer), let result = try? RewardResult(wire: object) else {
                        throw RescoreError(code: "server", message: "the service answered a result that is not a result object")
                    }
                    return result
                }
                output.add(OutputRecord(line: read.numbers[index], label: item.label, result: result), resultObject: slice)
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
        do {
            return try await client.post(body)
        } catch let error as RewardClientError {
            throw RescoreError(code: "server", message: error.message)
        }
    }

    /// The config object: the settings given to rescore (flags, environment, config file), advantages off.
    static func configJSON(_ config: RequestConfig) -> [UInt8] {
        var config = config
        config.advantage = AdvantageMode.none
        var writer = JSONWriter(capacity: 256)
        config.write(to: &writer)
        return writer.bytes
    }
}
