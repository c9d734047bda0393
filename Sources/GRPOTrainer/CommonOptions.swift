import ArgumentParser
import Foundation
import GRPO

#if canImport(Glibc)
import Glibc
#endif

/// Options every stage shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Preset: demo (minutes on two cores) or paper (SAIL-RL's RL settings).") var preset = "demo"
    @Option(help: "Root seed; data, init, sampling and evaluation use separate streams.") var seed: UInt64?
    @Option(help: "Output directory for global_step_N/ checkpoints and metrics.jsonl.") var output: String
    @Option(help: "auto (latest checkpoint in --output), never, or a checkpoint path.") var resume = "auto"

    var outputURL: URL { URL(fileURLWithPath: output) }

    func config() throws -> TrainerConfig {
        var c = try TrainerConfig.preset(preset)
        if let seed { c.seed = seed }
        return c
    }
}

/// A one-line progress display, redrawn in place on a terminal and silent otherwise.
struct Progress {
    let total: Int
    let interactive = isatty(STDERR_FILENO) != 0

    func show(step: Int, _ text: String) {
        guard interactive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(step)/\(total)] \(text)".utf8))
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

func fmt(_ v: some BinaryFloatingPoint, _ digits: Int = 3) -> String {
    String(format: "%.\(digits)f", Double(v))
}

extension TrainerError {
    /// Prints the message on stderr and gives the exit code to throw (no usage text: the
    /// command line was fine, the run was not).
    var exit: ExitCode {
        FileHandle.standardError.write(Data("error: \(description)\n".utf8))
        return ExitCode(2)
    }
}
