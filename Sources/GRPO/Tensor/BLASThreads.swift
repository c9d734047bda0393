import COpenBLAS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps OpenBLAS single-threaded unless the user chose otherwise.
///
/// One BLAS thread leaves the second core to the reward service. OpenBLAS reads the variable when
/// the library loads, before `main`, so besides exporting it (for child processes) the thread
/// count is also set through the API before the first BLAS call.
public enum BLASThreads {
    private static let configured: Bool = {
        if getenv("OPENBLAS_NUM_THREADS") == nil {
            setenv("OPENBLAS_NUM_THREADS", "1", 0)
            openblas_set_num_threads(1)
        }
        return true
    }()

    /// Applies the default once; cheap after the first call.
    public static func configureOnce() { _ = configured }

    /// Threads OpenBLAS will use.
    public static var current: Int {
        configureOnce()
        return Int(openblas_get_num_threads())
    }
}
