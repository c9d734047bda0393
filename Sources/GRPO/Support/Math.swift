#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func fexp(_ x: Float) -> Float { expf(x) }
@inline(__always) func flog(_ x: Float) -> Float { logf(x) }
/// tanh through one `expf`: glibc's `tanhf` (via `expm1f`) was a third of an SFT step's time.
@inline(__always) func ftanh(_ x: Float) -> Float {
    let e = expf(2 * min(max(x, -15), 15))
    return (e - 1) / (e + 1)
}
@inline(__always) func _cosf(_ x: Float) -> Float { cosf(x) }
@inline(__always) func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
