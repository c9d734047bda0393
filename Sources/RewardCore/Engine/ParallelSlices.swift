import Dispatch

/// CPU-bound work over a large batch, split into contiguous slices that run on separate cores:
/// reading a batch's rollouts, scoring them by rules and writing their results all go through here.
public enum ParallelSlices {
    /// Fewer items than this per slice are not worth another thread.
    public static let minimumPerSlice = 64

    /// `0..<count` cut into at most `parallelism` contiguous ranges of at least `minimumPerSlice` items each.
    public static func ranges(count: Int, parallelism: Int) -> [Range<Int>] {
        let slices = max(1, min(parallelism, count / minimumPerSlice))
        guard slices > 1 else { return [0..<count] }
        let size = (count + slices - 1) / slices
        return (0..<slices).map { slice in (slice * size)..<min(count, (slice + 1) * size) }
    }

    /// `body` applied to each range of `ranges(count:parallelism:)`, the ranges run at once; results in range order.
    /// `body` may run on several threads at once: it must only read what it shares (the batch, the input bytes).
    public static func map<T: Sendable>(count: Int, parallelism: Int, _ body: (Range<Int>) -> T) -> [T] {
        map(ranges(count: count, parallelism: parallelism), body)
    }

    /// `body` applied to each of `ranges` at once; results in range order.
    public static func map<T: Sendable>(_ ranges: [Range<Int>], _ body: (Range<Int>) -> T) -> [T] {
        guard ranges.count > 1 else { return ranges.map(body) }
        return [T](unsafeUninitializedCapacity: ranges.count) { buffer, initialized in
            // Each iteration writes only its own element of the result, and `body` only reads what it shares.
            nonisolated(unsafe) let results = buffer.baseAddress!
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: ranges.count) { slice in
                (results + slice).initialize(to: body(ranges[slice]))
            }
            initialized = ranges.count
        }
    }

    /// `transform` of every index of `0..<count`, in order, computed slice by slice at once.
    public static func mapIndices<T: Sendable>(count: Int, parallelism: Int, _ transform: (Int) -> T) -> [T] {
        let parts = map(count: count, parallelism: parallelism) { range in range.map(transform) }
        guard parts.count > 1 else { return parts[0] }
        var joined: [T] = []
        joined.reserveCapacity(count)
        for part in parts { joined.append(contentsOf: part) }
        return joined
    }
}
