import Rescore
import RewardCore

/// Reads every line as a rollout and writes a result of the usual size without scoring: the cost of rescore's
/// own pipeline (reading, decoding, writing, summing up), to set against the engine's.
struct FixedResultScorer: ChunkScorer {
    func score(_ chunk: InputChunk) async -> ChunkOutput {
        var output = ChunkOutput(sequence: chunk.sequence, expectedLines: chunk.lines.count)
        chunk.forEachLine { line, bytes in
            let read = Wire.readRollout(bytes)
            var result = RewardResult(id: read.id, group: (try? read.rollout.get())?.group)
            switch read.rollout {
            case .success:
                result.reward = 1
                result.decision = .think
                result.extractedAnswer = "126"
                for name in ComponentName.allCases { result.components[name] = 1 }
            case .failure(let error):
                result.error = error
            }
            output.add(OutputRecord(line: line.number, label: read.label, result: result))
        }
        return output
    }
}
