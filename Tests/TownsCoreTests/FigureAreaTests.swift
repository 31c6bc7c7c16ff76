import Foundation
@testable import TownsCore
import TownsSynthetic
import XCTest

/// A snapshot's figures are read when asked (`Figures` over a `FigureArea`): every lookup gives
/// what the text gives, a damaged area is refused, and sums worked out from parts equal sums
/// of intervals.
final class FigureAreaTests: XCTestCase {
    var temporaries: [String] = []

    override func tearDown() {
        for dir in temporaries { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// The dataset in a generated folder as the text gives it and as its snapshot gives it.
    func bothWays(towns: Int, months: Int, seed: UInt64) throws -> (text: Dataset, snapshot: Dataset) {
        let dir = NSTemporaryDirectory() + "towns-area-\(UUID().uuidString)"
        let cache = dir + "-cache"
        temporaries += [dir, cache]
        try SyntheticDataset(towns: towns, months: months, seed: seed).write(to: dir, rules: nil)
        let store = SnapshotStore(folder: cache)
        try store.write(directory: dir)
        return (try DatasetLoader.load(directory: dir).dataset, try store.load(directory: dir).dataset)
    }

    /// Every figure the text holds, and every measure of every period it does not, looked up one
    /// by one through the snapshot: the same figure, or nil where the text has none.
    func testEveryLookupGivesWhatTheTextGives() throws {
        let (text, snapshot) = try bothWays(towns: 300, months: 14, seed: 7)
        XCTAssertEqual(text.towns.count, snapshot.towns.count)
        let periods: [String?] = [nil, "1999-01", "2099"] + text.periods.map(\.id)
            + Set(text.periods.map { String($0.year) }).sorted()
        var found = 0, absent = 0
        for (t, s) in zip(text.towns, snapshot.towns) {
            XCTAssertEqual(Set(t.figures.periods.map { $0 ?? "-" }), Set(s.figures.periods.map { $0 ?? "-" }), t.id)
            XCTAssertEqual(t.figures.isEmpty, s.figures.isEmpty, t.id)
            XCTAssertEqual(t.figures.count, s.figures.count, t.id)
            for measure in Measure.allCases {
                for period in periods {
                    let key = FigureKey(measure, period)
                    XCTAssertEqual(s.figures[key], t.figures[key], "\(t.id) \(key)")
                    if t.figures[key] == nil { absent += 1 } else { found += 1 }
                }
            }
            XCTAssertEqual(s.figures, t.figures, t.id)
        }
        // The towns with figures of each period: from the offsets alone, as from every town's keys.
        XCTAssertEqual(snapshot.townsWithFigures(), text.townsWithFigures())
        let withFigures = Set(text.towns.flatMap { $0.figures.keys.map { $0.period ?? "" } })
        XCTAssertEqual(Set(text.townsWithFigures().keys), withFigures)
        var changed = snapshot, changedText = text
        for d in [0, 1] {
            var towns = d == 0 ? changed.towns : changedText.towns
            towns[5].figures[FigureKey(.completed, "2001-01")] = towns[6].figures.values.first
            towns[9].figures = [:]
            if d == 0 { changed.towns = towns } else { changedText.towns = towns }
        }
        XCTAssertEqual(changed.townsWithFigures(), changedText.townsWithFigures(), "a town changed: every town's keys")
        XCTAssertEqual(changed.townsWithFigures()["2001-01"], [5])
        XCTAssertGreaterThan(found, 1000, "the dataset has figures to find")
        XCTAssertGreaterThan(absent, found, "and many unknown")
    }

    /// Writing one figure of a town read from a snapshot keeps every other.
    func testChangingAFigureOfASnapshotKeepsTheOthers() throws {
        let (text, snapshot) = try bothWays(towns: 40, months: 6, seed: 2)
        let i = try XCTUnwrap(text.towns.indices.first { text.towns[$0].figures.count > 3 })
        var town = snapshot.towns[i]
        let key = try XCTUnwrap(text.towns[i].figures.keys.first)
        town.figures[key]?.asOf = "2099"
        XCTAssertEqual(town.figures[key]?.asOf, "2099")
        XCTAssertEqual(town.figures.count, text.towns[i].figures.count)
        for (k, figure) in text.towns[i].figures where k != key { XCTAssertEqual(town.figures[k], figure) }
        XCTAssertNotEqual(town.figures, text.towns[i].figures)
        XCTAssertEqual(snapshot.towns[i].figures, text.towns[i].figures, "the snapshot's own town unchanged")
    }

    /// The area's structure is checked when it is read: offsets out of order, or a record of
    /// a measure the area does not name, are corruption (even under a matching checksum).
    func testDamagedAreaIsRefused() throws {
        let towns = try loadBundled().towns
        var writer = SnapshotWriter()
        writer.figureArea(towns)
        func read(_ body: [UInt8]) throws { try Self.readArea(body, strings: writer.strings) }
        XCTAssertNoThrow(try read(writer.body))
        // The last offset of the table (the end of the last town's figures) made smaller than
        // the one before it.
        var outOfOrder = writer.body
        let last = outOfOrder.count - 4
        outOfOrder.replaceSubrange(last..<outOfOrder.count, with: [0, 0, 0, 0])
        XCTAssertThrowsError(try read(outOfOrder)) { XCTAssertTrue("\($0)".contains("offset"), "\($0)") }
        // The first record's measure number (its first byte, a small LEB128) made unknown: the
        // records end where the table begins, and are as long as the table's last offset says.
        var unknown = writer.body
        let slots = Set(towns.flatMap { $0.figures.periods.map { $0 ?? "" } }).count
        let recordsEnd = unknown.count - towns.count * (slots + 1) * 4
        let length = unknown.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: unknown.count - 4, as: UInt32.self)))
        }
        unknown[recordsEnd - length] = 0x7F
        XCTAssertThrowsError(try read(unknown)) { XCTAssertTrue("\($0)".contains("measure"), "\($0)") }
        // A period's first offset moved inside the figure before it (still in order).
        var inside = writer.body
        let slotCount = slots, table = inside.count - towns.count * (slots + 1) * 4
        func offset(_ i: Int) -> Int {
            inside.withUnsafeBytes {
                Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: table + i * 4, as: UInt32.self)))
            }
        }
        let cell = try XCTUnwrap((0..<towns.count * (slotCount + 1)).first { i in
            i % (slotCount + 1) < slotCount - 1 && offset(i + 1) - offset(i) >= 2
        })
        let moved = UInt32(offset(cell) + 1).littleEndian
        withUnsafeBytes(of: moved) { inside.replaceSubrange(table + (cell + 1) * 4..<table + (cell + 2) * 4, with: $0) }
        XCTAssertThrowsError(try read(inside)) { XCTAssertTrue("\($0)".contains("inside a figure"), "\($0)") }
        // Cut short.
        XCTAssertThrowsError(try read(Array(writer.body.dropLast(3))))
    }

    /// A record whose length runs past the end of its town's figures is corruption (wave 20: the
    /// check reads the records' measures and lengths straight from the bytes, not through a reader).
    func testARecordLongerThanItsTownsFiguresIsRefused() throws {
        var town = try loadBundled().towns[0]
        let (key, figure) = try XCTUnwrap(town.figures.all.first)
        town.figures = [key: figure]
        var writer = SnapshotWriter()
        writer.figureArea([town])
        func read(_ body: [UInt8]) throws { try Self.readArea(body, strings: writer.strings) }
        XCTAssertNoThrow(try read(writer.body))
        // One town, one slot: the table is two offsets; the one record is its measure (one byte),
        // its length (one byte, under 128) and its body.
        var long = writer.body
        let table = long.count - 2 * 4
        let length = long.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: table + 4, as: UInt32.self)))
        }
        XCTAssertLessThan(length, 0x7F, "a short record")
        XCTAssertEqual(Int(long[table - length + 1]), length - 2, "its length byte")
        long[table - length + 1] = 0x7F
        XCTAssertThrowsError(try read(long)) { XCTAssertTrue("\($0)".contains("length"), "\($0)") }
    }

    /// A tally's interval, worked out from its parts, is the sum of its figures' intervals
    /// added one by one (printed rounding, or a derived figure's own interval).
    func testTallyIntervalIsTheSumOfTheIntervals() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var tally = Metrics.Tally()
            var sum: Interval?
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                let decimals = Int.random(in: 0...4, using: &generator)
                let value = Decimal(Int.random(in: 0...100_000, using: &generator)) / pow(10, decimals)
                let derived = Bool.random(using: &generator)
                var own: Interval?
                if derived, Bool.random(using: &generator) {
                    own = Interval(value - Decimal(Int.random(in: 0...50, using: &generator)) / 1000,
                                   value + Decimal(Int.random(in: 0...50, using: &generator)) / 1000)
                }
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: tally.add(nil as Quantity?, derived: false)
                case 1: tally.add(.moreThan(value), derived: false)
                default:
                    tally.add(.exact(value, decimals: decimals), derived: derived, interval: own)
                    let i = own ?? Interval(printed: value, decimals: derived ? 2 : decimals)
                    sum = sum.map { $0 + i } ?? i
                }
            }
            XCTAssertEqual(tally.interval, sum)
            if let sum {
                // The digits: the inputs' own, narrowed only by the derived figures' own intervals.
                XCTAssertGreaterThanOrEqual(tally.supportedDecimals, sum.supportedDecimals(atMost: tally.decimals))
                XCTAssertLessThanOrEqual(tally.supportedDecimals, tally.decimals)
            }
        }
    }

    /// Supported decimals compared without dividing give what halving the width and dividing
    /// the unit by ten step by step gives.
    func testSupportedDecimalsAsByDivision() {
        func byDivision(_ i: Interval, _ limit: Int) -> Int {
            var d = 0
            var unit = Decimal(1)
            let h = (i.upper - i.lower) / 2
            while d < limit {
                let next = unit / 10
                if h > next { break }
                unit = next
                d += 1
            }
            return d
        }
        var generator = SystemRandomNumberGenerator()
        var cases = [Interval(14.926, 15.032), Interval(18.581, 18.620), Interval(1, 1), Interval(0.95, 1.05)]
        for _ in 0..<500 {
            let lower = Decimal(Int.random(in: 0...1_000_000, using: &generator)) / pow(10, Int.random(in: 0...6))
            let width = Decimal(Int.random(in: 0...2_000, using: &generator)) / pow(10, Int.random(in: 0...7))
            cases.append(Interval(lower, lower + width))
        }
        for i in cases {
            for limit in 0...8 {
                XCTAssertEqual(i.supportedDecimals(atMost: limit), byDivision(i, limit), "\(i) \(limit)")
            }
        }
    }

    /// Reads a figure area written as `body` with the writer's `strings`, as open reads the
    /// payload's bytes where they lie: a header's room, then the body.
    /// - Throws: what `FigureArea` throws on a damaged area.
    static func readArea(_ body: [UInt8], strings: [String]) throws {
        let memory = ([UInt8](repeating: 0, count: DatasetSnapshot.headerSize) + body).withUnsafeBytes {
            SnapshotMemory(copying: $0)
        }
        var reader = SnapshotReader(memory.payload)
        reader.strings = strings
        _ = try FigureArea(&reader, memory: memory)
    }
}
