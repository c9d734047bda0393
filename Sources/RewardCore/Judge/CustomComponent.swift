/// A judged component declared in configuration: a name formulas use, its own prompt file, a verdict form
/// and the inputs the judge sees. It is cached and short-circuited like the built-in verdicts.
public struct CustomComponent: Sendable, Hashable {
    /// How the judge answers.
    public enum Form: String, Sendable, Hashable, CaseIterable {
        /// TRUE or FALSE: 1 or 0.
        case binary
        /// An integer from 0 to 10, divided by 10.
        case scale
    }

    /// What the judge may be shown; each but `images` is a `{{placeholder}}` of the prompt file.
    public enum Input: String, Sendable, Hashable, CaseIterable {
        /// The rollout's prompt.
        case prompt
        /// The think block.
        case thinking
        /// The answer section (the response after the reasoning).
        case answer
        /// The rollout's ground truth.
        case groundTruth = "ground_truth"
        /// The rollout's images, sent as `image_url` parts.
        case images
    }

    /// The name formulas and results use.
    public var name: String
    /// The prompt file's path.
    public var promptFile: String
    /// How the judge answers.
    public var form: Form
    /// What the judge sees.
    public var inputs: Set<Input>

    /// Creates a declaration; `nameProblem` says whether its name is usable.
    public init(name: String, promptFile: String, form: Form, inputs: Set<Input>) {
        self.name = name
        self.promptFile = promptFile
        self.form = form
        self.inputs = inputs
    }

    /// What is wrong with the name: not an identifier, or a built-in component's or a formula function's.
    public var nameProblem: String? {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") })
        else {
            return "custom component name '\(name)' must be ASCII letters, digits and _, not starting with a digit"
        }
        if ComponentName(rawValue: name) != nil {
            return "custom component '\(name)' clashes with the built-in component of that name"
        }
        if name == "min" || name == "max" {
            return "custom component '\(name)' clashes with the formula function of that name"
        }
        return nil
    }
}
