import Foundation

/// A duration written as a number and a unit (`90s`, `30m`, `12h`, `7d`, `2w`), as `cache prune` takes it.
public struct CacheAge: Sendable, Equatable {
    /// The duration in seconds.
    public var seconds: Double

    /// Parses `text`; throws `VerdictStoreError` with code `bad_duration` naming the text otherwise.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = trimmed.last, let scale = units[unit], let number = Double(trimmed.dropLast()),
            number.isFinite, number >= 0
        else {
            throw VerdictStoreError(
                code: "bad_duration",
                message: "'\(text)' is not a duration: write a number and a unit s, m, h, d or w (e.g. 7d, 12h)")
        }
        seconds = number * scale
    }

    /// The moment that lies this far before `now`.
    public func cutoff(before now: Date) -> Date { now.addingTimeInterval(-seconds) }
}
