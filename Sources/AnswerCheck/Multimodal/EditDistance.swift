/// Levenshtein distance over integer units, in two rows and a bounded number of cells.
enum EditDistance {
    /// The most cells (after trimming the common prefix and suffix) one comparison may fill: about
    /// two thousand units of difference on each side, some milliseconds of work.
    static let maxCells = 4_000_000

    /// The edit distance between `first` and `second`, or nil when it would take more than `maxCells` cells.
    static func levenshtein(_ first: [UInt64], _ second: [UInt64]) -> Int? {
        // Near matches, the usual case for OCR, share long ends that cost nothing to skip.
        var start = 0
        while start < first.count, start < second.count, first[start] == second[start] { start += 1 }
        var firstEnd = first.count
        var secondEnd = second.count
        while firstEnd > start, secondEnd > start, first[firstEnd - 1] == second[secondEnd - 1] {
            firstEnd -= 1
            secondEnd -= 1
        }
        let rows = Array(first[start..<firstEnd])
        let columns = Array(second[start..<secondEnd])
        if rows.isEmpty || columns.isEmpty { return max(rows.count, columns.count) }
        guard rows.count * columns.count <= maxCells else { return nil }
        var previous = (0...columns.count).map(Int32.init)
        var current = [Int32](repeating: 0, count: columns.count + 1)
        columns.withUnsafeBufferPointer { columnUnits in
            for (rowOffset, rowUnit) in rows.enumerated() {
                previous.withUnsafeMutableBufferPointer { above in
                    current.withUnsafeMutableBufferPointer { here in
                        here[0] = Int32(rowOffset + 1)
                        for column in 1...columnUnits.count {
                            let substitution = above[column - 1] + (rowUnit == columnUnits[column - 1] ? 0 : 1)
                            here[column] = min(substitution, min(above[column], here[column - 1]) + 1)
                        }
                    }
                }
                swap(&previous, &current)
            }
        }
        return Int(previous[columns.count])
    }
}
