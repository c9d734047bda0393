import AnswerCheck

/// The checker with every setting at its default, and one with every setting at the other value.
let checkers = [MathAnswerChecker(), MathAnswerChecker(percent: .either, setRelations: .apart)]

/// libFuzzer entry point: the input's first line is the ground truth, the rest the response.
/// Both go through extraction (the ground truth's and the lenient one) and both checkers, in both
/// directions; the input's size picks a precision (or none) and a tolerance, so every setting's
/// path is reached.
@_cdecl("LLVMFuzzerTestOneInput")
public func mathFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let gold = AnswerExtraction.groundTruth(String(parts.first ?? ""))
    let response = parts.count > 1 ? String(parts[1]) : gold
    let answer = AnswerExtraction.lenient(response) ?? response
    let precision = size % 9 < 7 ? size % 9 : nil
    let tolerance = size % 2 == 0 ? 1e-6 : 1e-2
    for checker in checkers {
        _ = checker.check(answer: answer, groundTruth: gold, tolerance: tolerance, precision: precision)
        _ = checker.check(answer: gold, groundTruth: answer, tolerance: tolerance, precision: nil)
    }
    return 0
}

public typealias Arguments = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<Arguments>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links executables with `main` aliased to `<Module>_main`; libFuzzer's own `main` is then
/// never pulled in, so this hands control to libFuzzer's driver explicitly.
@_cdecl("MathFuzz_main")
public func mathFuzzMain(_ argc: CInt, _ argv: Arguments) -> CInt {
    var count = argc
    var values = argv
    return runFuzzerDriver(&count, &values, mathFuzz)
}
