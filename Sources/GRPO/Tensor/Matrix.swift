import COpenBLAS

/// A dense row-major matrix of `Float`, the one tensor type of the trainer.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public var rows: Int
    /// Number of columns.
    public var cols: Int
    /// Row-major storage, `rows * cols` values.
    public var data: [Float]

    /// A matrix of zeros.
    public init(rows: Int, cols: Int) {
        self.rows = rows
        self.cols = cols
        self.data = [Float](repeating: 0, count: rows * cols)
    }

    /// A matrix over existing storage; `data.count` must equal `rows * cols`.
    public init(rows: Int, cols: Int, data: [Float]) {
        precondition(data.count == rows * cols, "matrix storage does not match its shape")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    /// Number of elements.
    public var count: Int { data.count }

    /// Element at `(r, c)`.
    @inlinable public subscript(r: Int, c: Int) -> Float {
        get { data[r * cols + c] }
        set { data[r * cols + c] = newValue }
    }

    /// Sets every element to zero, keeping the storage.
    public mutating func zero() {
        data.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}

/// `C = alpha * op(A) op(B) + beta * C` over raw row-major storage, the single BLAS entry point.
///
/// Leading dimensions default to the packed row length, so strided views (one head of a fused
/// QKV row) are expressed by passing a wider `lda`/`ldb`/`ldc` and an offset pointer.
public func sgemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
) {
    BLASThreads.configureOnce()
    cblas_sgemm(
        CblasRowMajor,
        transA ? CblasTrans : CblasNoTrans,
        transB ? CblasTrans : CblasNoTrans,
        Int32(m), Int32(n), Int32(k),
        alpha, a, Int32(lda), b, Int32(ldb),
        beta, c, Int32(ldc)
    )
}

/// Matrix products over whole `Matrix` values.
extension Matrix {
    /// `out = (accumulate ? out : 0) + op(a) op(b)`.
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA ta: Bool = false, transposeB tb: Bool = false,
        into out: inout Matrix, accumulate: Bool = false
    ) {
        let m = ta ? a.cols : a.rows
        let k = ta ? a.rows : a.cols
        let n = tb ? b.rows : b.cols
        precondition((tb ? b.cols : b.rows) == k, "inner dimensions differ")
        precondition(out.rows == m && out.cols == n, "output shape differs")
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                out.data.withUnsafeMutableBufferPointer { pc in
                    sgemm(
                        transA: ta, transB: tb, m: m, n: n, k: k,
                        a: pa.baseAddress!, lda: a.cols, b: pb.baseAddress!, ldb: b.cols,
                        beta: accumulate ? 1 : 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }
}
