import GRPO

/// Prints sgemm GFLOP/s at the model's shapes and the trainer's achieved GFLOP/s and tokens/s.
///
/// Every figure is printed beside a baseline measured in the same run (a square 512 sgemm),
/// so machines and load levels can be compared by ratio. Nothing here passes or fails.
@main
struct TrainerBenchmark {
    static func main() async throws {
        let config = TrainerConfig.demo
        let m = config.model
        print("TrainerBenchmark: model d=\(m.dModel) layers=\(m.layers) heads=\(m.heads) ffn=\(m.ffn) vocab=\(m.vocabSize) params=\(m.parameterCount), OpenBLAS threads \(BLASThreads.current)")
        let baseline = GemmProbe.gflops(m: 512, n: 512, k: 512, seconds: 1)
        print(String(repeating: "-", count: 72))
        print("sgemm baseline 512x512x512: \(f(baseline)) GFLOP/s")
        let rows = config.sft.perDeviceTrainBatchSize * 40
        let decodeRows = config.rl.trainBatchSize * config.rl.numGenerations
        let shapes: [(String, Int, Int, Int)] = [
            ("qkv proj   (train)", rows, 3 * m.dModel, m.dModel),
            ("attn out   (train)", rows, m.dModel, m.dModel),
            ("mlp up     (train)", rows, m.ffn, m.dModel),
            ("mlp down   (train)", rows, m.dModel, m.ffn),
            ("lm head    (train)", rows, m.vocabSize, m.dModel),
            ("q.k^T per head", 40, 40, m.dModel / m.heads),
            ("qkv proj   (decode)", decodeRows, 3 * m.dModel, m.dModel),
            ("mlp up     (decode)", decodeRows, m.ffn, m.dModel),
        ]
        for (name, mm, n, k) in shapes {
            let g = GemmProbe.gflops(m: mm, n: n, k: k, seconds: 0.3)
            print("sgemm \(name) \(mm)x\(n)x\(k): \(f(g)) GFLOP/s (\(f(g / baseline * 100))% of baseline)")
        }
        print(String(repeating: "-", count: 72))
        try await TrainerProbe.run(config: config, baseline: baseline)
    }
}

func f(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return String(r)
}
