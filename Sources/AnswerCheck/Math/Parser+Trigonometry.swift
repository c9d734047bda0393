/// Trigonometric notation: inverse functions written as powers, and angles in degrees.
extension Function {
    /// The inverse of a trigonometric function written `f^{-1}`, when this checker has it.
    var inverse: Function? {
        switch self {
        case .sin: .arcsin
        case .cos: .arccos
        case .tan: .arctan
        default: nil
        }
    }

    /// Whether the function's argument is an angle, so a degree mark in it converts to radians.
    var readsDegrees: Bool {
        switch self {
        case .sin, .cos, .tan, .sec, .csc, .cot: true
        default: false
        }
    }
}

extension Node {
    /// Whether the node is the literal `-1` (`^{-1}` as the parser reads it).
    var isMinusOne: Bool {
        switch self {
        case .neg(.number(let one)): one == .one
        case .number(let v): v == Rational(-1)
        default: false
        }
    }
}
