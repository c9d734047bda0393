/// Shape of the decoder-only transformer.
public struct ModelConfig: Sendable, Codable, Equatable {
    /// Vocabulary size.
    public var vocabSize: Int
    /// Width of the residual stream.
    public var dModel: Int
    /// Number of transformer blocks.
    public var layers: Int
    /// Attention heads per block; must divide `dModel`.
    public var heads: Int
    /// Hidden width of the MLP.
    public var ffn: Int
    /// Longest sequence (prompt plus response) the position table covers.
    public var maxLen: Int

    /// A model shape.
    public init(vocabSize: Int, dModel: Int, layers: Int, heads: Int, ffn: Int, maxLen: Int) {
        self.vocabSize = vocabSize
        self.dModel = dModel
        self.layers = layers
        self.heads = heads
        self.ffn = ffn
        self.maxLen = maxLen
    }

    /// Checks the shape; a clear message instead of a crash deep in BLAS.
    public func validate() throws(TrainerError) {
        guard vocabSize > 0, dModel > 0, layers > 0, heads > 0, ffn > 0, maxLen > 1 else {
            throw .invalidConfig("model sizes must be positive")
        }
        guard dModel % heads == 0 else {
            throw .invalidConfig("d_model \(dModel) is not divisible by num_heads \(heads)")
        }
    }

    /// Number of trainable scalars.
    public var parameterCount: Int {
        ParameterSet.shapes(for: self).reduce(0) { $0 + $1.rows * $1.cols }
    }
}

/// Where each tensor sits in a `ParameterSet`.
public enum ParamIndex {
    static let tokenEmbedding = 0
    static let positionEmbedding = 1
    static let perBlock = 12
    static func block(_ l: Int, _ k: Int) -> Int { 2 + l * perBlock + k }
    // Offsets inside a block.
    static let ln1g = 0, ln1b = 1, wqkv = 2, bqkv = 3, wo = 4, bo = 5
    static let ln2g = 6, ln2b = 7, w1 = 8, b1 = 9, w2 = 10, b2 = 11
    static func lnFg(_ c: ModelConfig) -> Int { 2 + c.layers * perBlock }
    static func lnFb(_ c: ModelConfig) -> Int { lnFg(c) + 1 }
    static func head(_ c: ModelConfig) -> Int { lnFg(c) + 2 }
    static func headBias(_ c: ModelConfig) -> Int { lnFg(c) + 3 }
}

/// All tensors of a model (or their gradients, or optimizer moments) in a fixed order.
public struct ParameterSet: Sendable, Equatable {
    /// The tensors, in `ParamIndex` order.
    public var tensors: [Matrix]

    /// Zeros of every shape in `config`.
    public init(zerosFor config: ModelConfig) {
        tensors = ParameterSet.shapes(for: config).map { Matrix(rows: $0.rows, cols: $0.cols) }
    }

    /// Wraps existing tensors.
    public init(tensors: [Matrix]) { self.tensors = tensors }

    /// Shapes of every tensor, in order.
    public static func shapes(for c: ModelConfig) -> [(rows: Int, cols: Int)] {
        var s: [(Int, Int)] = [(c.vocabSize, c.dModel), (c.maxLen, c.dModel)]
        for _ in 0..<c.layers {
            s += [
                (1, c.dModel), (1, c.dModel), (c.dModel, 3 * c.dModel), (1, 3 * c.dModel),
                (c.dModel, c.dModel), (1, c.dModel), (1, c.dModel), (1, c.dModel),
                (c.dModel, c.ffn), (1, c.ffn), (c.ffn, c.dModel), (1, c.dModel),
            ]
        }
        s += [(1, c.dModel), (1, c.dModel), (c.dModel, c.vocabSize), (1, c.vocabSize)]
        return s
    }

    /// Sets every tensor to zero.
    public mutating func zero() {
        for i in tensors.indices { tensors[i].zero() }
    }

    /// Global L2 norm over all tensors.
    public func norm() -> Float {
        var s: Double = 0
        for t in tensors { for v in t.data { s += Double(v) * Double(v) } }
        return Float(s.squareRoot())
    }

    /// Multiplies every element by `k`.
    public mutating func scale(by k: Float) {
        for i in tensors.indices {
            tensors[i].data.withUnsafeMutableBufferPointer { p in
                for j in 0..<p.count { p[j] *= k }
            }
        }
    }

    /// Flattened copy of all values, in order.
    public var flat: [Float] { tensors.flatMap(\.data) }

    /// Replaces all values from a flattened array of the same total size.
    public mutating func load(flat: [Float]) throws(TrainerError) {
        guard flat.count == tensors.reduce(0, { $0 + $1.count }) else {
            throw .invalidCheckpoint("parameter count \(flat.count) does not match the model")
        }
        var offset = 0
        for i in tensors.indices {
            let n = tensors[i].count
            tensors[i].data = Array(flat[offset..<(offset + n)])
            offset += n
        }
    }
}
