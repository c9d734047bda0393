/// An axis-aligned box `[x1, y1, x2, y2]`, with an optional label.
struct Box: Sendable, Hashable {
    /// Left edge.
    var x1: Double
    /// Top edge.
    var y1: Double
    /// Right edge.
    var x2: Double
    /// Bottom edge.
    var y2: Double
    /// The object's label, trimmed and lowercased; nil when none was given.
    var label: String? = nil

    /// The four numbers of a group, in order.
    init(_ numbers: [Double], label: String? = nil) {
        self.init(x1: numbers[0], y1: numbers[1], x2: numbers[2], y2: numbers[3], label: label)
    }

    /// Creates a box from its edges.
    init(x1: Double, y1: Double, x2: Double, y2: Double, label: String? = nil) {
        (self.x1, self.y1, self.x2, self.y2, self.label) = (x1, y1, x2, y2, label)
    }

    /// The four coordinates.
    var coordinates: [Double] { [x1, y1, x2, y2] }

    /// The area; 0 for a degenerate box.
    var area: Double { max(0, x2 - x1) * max(0, y2 - y1) }

    /// No area: an edge reversed or two edges equal.
    var isDegenerate: Bool { !(x2 > x1 && y2 > y1) }

    /// Intersection over union, in [0, 1]; 0 when either box has no area.
    func iou(_ other: Box) -> Double {
        let width = min(x2, other.x2) - max(x1, other.x1)
        let height = min(y2, other.y2) - max(y1, other.y1)
        guard width > 0, height > 0 else { return 0 }
        let intersection = width * height
        let union = area + other.area - intersection
        guard union > 0 else { return 0 }
        return min(1, intersection / union)
    }

    /// Whether the point lies inside or on the edge.
    func contains(x: Double, y: Double) -> Bool { x >= x1 && x <= x2 && y >= y1 && y <= y2 }
}
