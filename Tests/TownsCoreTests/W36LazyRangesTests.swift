import Foundation
import XCTest

@testable import TownsCore

/// Wave 36 (session 29): the derived tables' lists of named parts (sort ranks, groups, row sets,
/// tallies: thousands of names at 10,000 x 60) are each a section, read into a dictionary when a
/// name is first asked for (`LazyRanges`), not before the first frame. Each part's contents are
/// compared with the text's by `DerivedTablesTests`; here the list itself.
final class W36LazyRangesTests: XCTestCase {
    /// A snapshot whose payload holds, after `padding` bytes, a list of `parts` as
    /// `SnapshotWriter.derived` writes one (format 21: the list and each part deferred sections),
    /// and the list's range in the payload.
    func payload(_ parts: [(String, [UInt64])], padding: Int = 5, count: Int? = nil)
        -> (memory: SnapshotMemory, section: Range<Int>, strings: [String])
    {
        var w = SnapshotWriter()
        w.deferredSection { w in
            w.uint(UInt64(count ?? parts.count))
            for (name, values) in parts {
                w.string(name)
                w.deferredSection { w in for v in values { w.uint(v) } }
            }
        }
        let eager = [UInt8](repeating: 0, count: padding) + w.body
        let bytes = DatasetSnapshot.file(eager: eager, deferred: w.deferred, fingerprint: 1)
        let memory = bytes.withUnsafeBytes { SnapshotMemory(copying: $0) }
        try! memory.adopt(try! bytes.withUnsafeBytes { try DatasetSnapshot.header($0) })
        // Where the list lies, as `DerivedTables` records it.
        var r = SnapshotReader(memory.payload, from: padding, to: eager.count)
        r.deferredStart = eager.count
        return (memory, try! r.deferredRange(), w.strings)
    }

    func values(_ lazy: LazyRanges, _ name: String, _ memory: SnapshotMemory, _ strings: [String]) -> [UInt64]? {
        guard let range = lazy[name] else { return nil }
        var r = SnapshotReader(memory.payload, from: range.lowerBound, to: range.upperBound)
        var out: [UInt64] = []
        while !r.atEnd { out.append(try! r.uint()) }
        return out
    }

    func testEachNameGivesItsPart() {
        let parts: [(String, [UInt64])] = [("a", [1, 2, 3]), ("2015-10.type.2", []), ("镇", [300, 70_000])]
        let (memory, section, strings) = payload(parts)
        let lazy = LazyRanges(section: section, memory: memory, strings: strings)
        for (name, expected) in parts { XCTAssertEqual(values(lazy, name, memory, strings), expected, name) }
        XCTAssertNil(lazy["b"])
    }

    /// A list that does not decode (it says more names than it holds) has none: never a trap.
    func testADamagedListHasNoNames() {
        let (memory, section, strings) = payload([("a", [1]), ("b", [2])], count: 3)
        let lazy = LazyRanges(section: section, memory: memory, strings: strings)
        XCTAssertNil(lazy["a"])
        XCTAssertNil(lazy["b"])
    }

    /// Asked for on many threads at once (the dashboard's warm-up beside a key), every answer is the list's.
    func testManyThreadsAtOnceGetTheSameParts() {
        let parts = (0..<500).map { ("part \($0)", [UInt64($0), UInt64($0 * 3)]) }
        let (memory, section, strings) = payload(parts)
        let lazy = LazyRanges(section: section, memory: memory, strings: strings)
        final class Answers: @unchecked Sendable {
            let lock = NSLock()
            var wrong = 0
        }
        let answers = Answers()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            for j in stride(from: i, to: 500, by: 7) {
                var r = SnapshotReader(memory.payload, from: lazy["part \(j)"]!.lowerBound)
                let first = try? r.uint()
                if first != UInt64(j) { answers.lock.lock(); answers.wrong += 1; answers.lock.unlock() }
            }
        }
        XCTAssertEqual(answers.wrong, 0)
    }
}
