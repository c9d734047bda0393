import Foundation

/// Reads and writes `global_step_N/` checkpoints under one directory.
///
/// A checkpoint is written into a hidden temporary directory and renamed into place, so a
/// crash mid-write never leaves a `global_step_N/` that looks complete.
public struct CheckpointStore: Sendable {
    /// The run's output directory.
    public let directory: URL

    /// A store rooted at `directory` (created on first save).
    public init(directory: URL) { self.directory = directory }

    struct Meta: Codable {
        var stage: Stage
        var step: Int
        var optimizerStep: Int
        var dataRng: RandomStream
        var samplingRng: RandomStream
        var hasReference: Bool
    }

    /// Saves `state` and `config` as `global_step_<step>/`; returns its URL.
    @discardableResult
    public func save(_ state: TrainingState, config: TrainerConfig) throws(TrainerError) -> URL {
        let fm = FileManager.default
        let final = directory.appendingPathComponent("global_step_\(state.step)")
        let temp = directory.appendingPathComponent(".global_step_\(state.step).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
            try Self.write(state.model.params.flat, to: temp.appendingPathComponent("model.bin"))
            try Self.write(state.optimizer.m.flat + state.optimizer.v.flat, to: temp.appendingPathComponent("optimizer.bin"))
            if let ref = state.reference {
                try Self.write(ref.params.flat, to: temp.appendingPathComponent("reference.bin"))
            }
            let meta = Meta(
                stage: state.stage, step: state.step, optimizerStep: state.optimizer.step, dataRng: state.dataRNG,
                samplingRng: state.samplingRNG, hasReference: state.reference != nil)
            try Self.encoder.encode(config).write(to: temp.appendingPathComponent("config.json"))
            // state.json last: its presence marks a complete directory even before the rename.
            try Self.encoder.encode(meta).write(to: temp.appendingPathComponent("state.json"))
            if fm.fileExists(atPath: final.path) { try fm.removeItem(at: final) }
            try fm.moveItem(at: temp, to: final)
        } catch {
            throw .io("writing checkpoint \(final.path): \(error.localizedDescription)")
        }
        return final
    }

    /// The highest-numbered complete checkpoint, if any.
    public func latest() -> URL? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        let steps = names.compactMap { name -> Int? in
            guard name.hasPrefix("global_step_"),
                  FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).appendingPathComponent("state.json").path)
            else { return nil }
            return Int(name.dropFirst("global_step_".count))
        }
        return steps.max().map { directory.appendingPathComponent("global_step_\($0)") }
    }

    /// Loads a checkpoint directory written by `save`.
    public static func load(_ url: URL) throws(TrainerError) -> (state: TrainingState, config: TrainerConfig) {
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("state.json").path) else {
                throw TrainerError.invalidCheckpoint("\(url.path) has no state.json (not a complete global_step_N directory)")
            }
            let config = try decoder.decode(TrainerConfig.self, from: Data(contentsOf: url.appendingPathComponent("config.json")))
            let meta = try decoder.decode(Meta.self, from: Data(contentsOf: url.appendingPathComponent("state.json")))
            var params = ParameterSet(zerosFor: config.model)
            try params.load(flat: read(url.appendingPathComponent("model.bin")))
            var optimizer = AdamW(config: AdamWConfig(learningRate: 0), model: config.model)
            let moments = try read(url.appendingPathComponent("optimizer.bin"))
            let half = moments.count / 2
            try optimizer.m.load(flat: Array(moments[..<half]))
            try optimizer.v.load(flat: Array(moments[half...]))
            optimizer.step = meta.optimizerStep
            var reference: Transformer?
            if meta.hasReference {
                var ref = ParameterSet(zerosFor: config.model)
                try ref.load(flat: read(url.appendingPathComponent("reference.bin")))
                reference = Transformer(config: config.model, params: ref)
            }
            let state = TrainingState(
                stage: meta.stage, step: meta.step, model: Transformer(config: config.model, params: params),
                optimizer: optimizer, dataRNG: meta.dataRng, samplingRNG: meta.samplingRng, reference: reference)
            return (state, config)
        } catch let error as TrainerError {
            throw error
        } catch {
            throw .invalidCheckpoint("\(url.path): \(error.localizedDescription)")
        }
    }

    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return e
    }

    static func write(_ values: [Float], to url: URL) throws {
        try values.withUnsafeBytes { Data($0) }.write(to: url)
    }

    static func read(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        guard data.count % 4 == 0 else { throw TrainerError.invalidCheckpoint("\(url.lastPathComponent) is truncated") }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}
