/// What ``PredictionScanner`` found in a text: bracketed groups of numbers, with their keys and labels.
struct ScannedText: Sendable {
    /// One closed bracket holding numbers directly: `[1, 2, 3, 4]`, `(5, 6)` or an object's scalars.
    struct Group: Sendable, Equatable {
        /// `[ ]` and `( )` are lists; `{ }` objects, whose numbers carry their keys.
        enum Bracket: Sendable { case list, object }

        /// The kind of bracket.
        var bracket: Bracket
        /// The numbers directly inside, in order (not those of nested groups).
        var numbers: [Double]
        /// For an object, the key of each number (lowercased); nil where there is none.
        var keys: [String?] = []
        /// The `label` (or `name`, `category`, `class`) of the enclosing object.
        var label: String?
    }

    /// Closed groups in the order they closed (inner before outer).
    var groups: [Group] = []
    /// Numbers outside any bracket.
    var looseNumbers: [Double] = []
    /// Every number read, in text order, wherever it stands.
    var allNumbers: [Double] = []
    /// True when a cap was hit and the scan stopped early.
    var overflowed = false

    /// Key sets that name a box's edges in an object, in `x1, y1, x2, y2` order.
    static let boxKeys = [["x1", "y1", "x2", "y2"], ["xmin", "ymin", "xmax", "ymax"], ["left", "top", "right", "bottom"]]

    /// Objects naming all four edges (`{"x1": 1, "y1": 2, "x2": 3, "y2": 4}`), as boxes in edge order.
    var namedBoxes: [Box] {
        groups.compactMap { group in
            guard group.bracket == .object else { return nil }
            for names in Self.boxKeys {
                let values = names.compactMap { name in zip(group.keys, group.numbers).first { $0.0 == name }?.1 }
                if values.count == 4 { return Box(values, label: group.label) }
            }
            return nil
        }
    }

    /// List groups of exactly `count` numbers.
    func lists(of count: Int) -> [Group] { groups.filter { $0.bracket == .list && $0.numbers.count == count } }

    /// True when some bracketed list was found: where none has the asked size, the answer is malformed.
    var hasLists: Bool { groups.contains { $0.bracket == .list } }
}
