import AnswerCheck

/// What a task name stands for (server `tasks`, request `config.tasks`): how its rollouts are checked.
public struct TaskProfile: Sendable, Hashable {
    /// The answer type its rollouts get unless they name one.
    public var answerType: AnswerType?
    /// The answer options its rollouts get unless they carry their own.
    public var answerOptions: AnswerOptions?
    /// The layout its rollouts get unless they name one.
    public var layout: Layout?
    /// The answer threshold its rollouts get unless they name one.
    public var answerThreshold: Double?

    /// Creates a profile.
    public init(answerType: AnswerType? = nil, answerOptions: AnswerOptions? = nil, layout: Layout? = nil, answerThreshold: Double? = nil) {
        self.answerType = answerType
        self.answerOptions = answerOptions
        self.layout = layout
        self.answerThreshold = answerThreshold
    }
}

extension Rollout {
    /// This rollout with what its task's profile says filled in where the rollout itself says nothing.
    public func applying(_ profile: TaskProfile) -> Rollout {
        var rollout = self
        if rollout.answerType == .auto, let type = profile.answerType { rollout.answerType = type }
        if rollout.answerOptions == nil { rollout.answerOptions = profile.answerOptions }
        if rollout.layout == nil { rollout.layout = profile.layout }
        if rollout.answerThreshold == nil { rollout.answerThreshold = profile.answerThreshold }
        return rollout
    }
}
