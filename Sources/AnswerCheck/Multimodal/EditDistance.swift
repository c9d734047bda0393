/// Levenshtein distance over integer units, in two rows and a bounded number of cells.
enum EditDistance {
    /// The most cells (after trimming the common prefix and suffix) one comparison may fill.
    static let maxCells = 16_000_000

    /// The edit distance between `first` and `second`, or nil when it would take more than `maxCells` cells.
    static func levenshtein(_ first: [Int32], _ second: [Int32]) -> Int? {
        // Near matches, the usual case for OCR, share long ends that cost nothing to skip.
        var start = 0
        while start < first.count, start < second.count, first[start] == second[start] { start += 1 }
        var firstEnd = first.count
        var secondEnd = second.count
        while firstEnd > start, secondEnd > start, first[firstEnd - 1] == second[secondEnd - 1] {
            firstEnd -= 1
            secondEnd -= 1
        }
        let rows = first[start..<firstEnd]
        let columns = second[start..<secondEnd]
        if rows.isEmpty || columns.isEmpty { return max(rows.count, columns.count) }
        guard rows.count * columns.count <= maxCells else { return nil }
        var previous = Array(0...columns.count)
        var current = [Int](repeating: 0, count: columns.count + 1)
        for (rowOffset, rowUnit) in rows.enumerated() {
            current[0] = rowOffset + 1
            var column = 1
            for columnUnit in columns {
                let substitution = previous[column - 1] + (rowUnit == columnUnit ? 0 : 1)
                current[column] = min(substitution, min(previous[column], current[column - 1]) + 1)
                column += 1
            }
            swap(&previous, &current)
        }
        return previous[columns.count]
    }
}
