import Foundation
import Testing

@testable import Rescore

@Suite("LineReader")
struct LineReaderTests {
    /// Every line, as (number, text) or (number, "<too long N>").
    func read(_ text: [UInt8], blockBytes: Int, maximumLineBytes: Int = 1 << 20) throws -> [(Int, String)] {
        let directory = try TemporaryDirectory()
        let path = directory.file("in")
        try Data(text).write(to: URL(fileURLWithPath: path))
        let reader = LineReader(try FileDescriptor.reading(path), blockBytes: blockBytes, maximumLineBytes: maximumLineBytes)
        var lines: [(Int, String)] = []
        while let line = try reader.next({ number, content -> (Int, String) in
            switch content {
            case .bytes(let bytes): (number, String(decoding: bytes, as: UTF8.self))
            case .tooLong(let count): (number, "<too long \(count)>")
            }
        }) {
            lines.append(line)
        }
        #expect(reader.bytesRead == text.count)
        return lines
    }

    @Test(arguments: [16, 17, 64, 1 << 16])
    func splitsAcrossBlockBoundaries(blockBytes: Int) throws {
        let texts = (0..<200).map { "line \($0) " + String(repeating: "x", count: $0 % 37) }
        let lines = try read(Array((texts.joined(separator: "\n") + "\n").utf8), blockBytes: blockBytes)
        #expect(lines.map(\.0) == Array(1...200))
        #expect(lines.map(\.1) == texts)
    }

    @Test func keepsALastLineWithoutNewlineAndDropsCarriageReturnsAndByteOrderMark() throws {
        let lines = try read([0xEF, 0xBB, 0xBF] + Array("first\r\n\nthird\r\nlast".utf8), blockBytes: 16)
        #expect(lines.map(\.1) == ["first", "", "third", "last"])
        #expect(lines.map(\.0) == [1, 2, 3, 4])
    }

    @Test func skipsOverLongLinesWithoutBufferingThem() throws {
        let long = String(repeating: "y", count: 1000)
        let lines = try read(Array("short\n\(long)\nafter\n\(long)".utf8), blockBytes: 16, maximumLineBytes: 100)
        #expect(lines.map(\.1) == ["short", "<too long 1000>", "after", "<too long 1000>"])
        #expect(lines.map(\.0) == [1, 2, 3, 4])
    }

    @Test func readsNothingFromAnEmptyFile() throws {
        #expect(try read([], blockBytes: 16).isEmpty)
    }
}

@Suite("LineSet")
struct LineSetTests {
    @Test func holdsExactlyWhatWasInserted() {
        var set = LineSet()
        var generator = SeededGenerator(seed: 7)
        var reference = Set<Int>()
        for _ in 0..<5000 {
            let number = Int.random(in: 1...200_000, using: &generator)
            let inserted = set.insert(number)
            #expect(inserted == reference.insert(number).inserted)
        }
        #expect(set.count == reference.count)
        #expect(set.maximum == reference.max())
        for number in 0...200_100 where set.contains(number) != reference.contains(number) {
            Issue.record("disagree on \(number)")
        }
    }
}
