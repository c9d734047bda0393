/// Everything that can stop the trainer, each with a message that names what is wrong.
public enum TrainerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value is out of range or inconsistent.
    case invalidConfig(String)
    /// A checkpoint directory is missing, incomplete or for another model.
    case invalidCheckpoint(String)
    /// The reward service failed repeatedly or answered out of contract.
    case rewardService(String)
    /// SFT did not reach the think-mode accuracy RL needs.
    case sftGateFailed(accuracy: Double, required: Double)
    /// Reading or writing a file failed.
    case io(String)

    /// Human-readable message.
    public var description: String {
        switch self {
        case .invalidConfig(let m): "invalid configuration: \(m)"
        case .invalidCheckpoint(let m): "invalid checkpoint: \(m)"
        case .rewardService(let m): "reward service: \(m)"
        case .sftGateFailed(let a, let r):
            "SFT gate failed: think-mode accuracy on hard items is \(a), below the required \(r); "
                + "train SFT longer (--max-steps) or with a larger model before RL"
        case .io(let m): "I/O: \(m)"
        }
    }
}
