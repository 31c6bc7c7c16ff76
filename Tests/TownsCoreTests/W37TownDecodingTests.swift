import Foundation
@testable import TownsCore
import XCTest

/// Decoding towns from a snapshot with what one town's decoding keeps for the next
/// (`TownDecoding`: enum values by string index, lists of one entity shared) gives the same towns as
/// decoding each alone; damage still throws `.corrupt` (issue 17, the national first screen).
final class W37TownDecodingTests: XCTestCase {
    /// Towns that share entity lists (of one, two and three ids, and none), list stages and
    /// modes, and some that do not.
    func towns() -> [Town] {
        let lists: [[String]] = [[], ["e1"], ["e2"], ["e1", "e2"], ["e2", "e1"], ["e1", "e2", "e3"], ["e3"]]
        let modes: [OperatingMode?] = [nil, .groupLed, .joint]
        return (0..<40).map { i in
            var town = Town(id: "t\(i)", nameZH: "小镇\(i)", nameEN: "Town \(i)", countyZH: "县", countyEN: "County",
                            countyFrom: i % 5 == 0 ? "name" : nil, type: 1 + i % 4, typeAt: nil,
                            industry: i % 2 == 0 ? "information" : nil, industryNote: nil,
                            list: ListStage.allCases[i % 3], listDate: "2017-08-02", listSource: nil,
                            entityIDs: lists[i % lists.count], mode: modes[i % modes.count], modeAt: nil,
                            acceleratedCounty: i % 2 == 0, acceleratedCountyNote: nil,
                            acceleratedCountyFitted: i % 7 == 0, industryFitted: i % 3 == 0,
                            figures: Figures(), origin: SourceLocation(file: "towns.toml", line: 3 + i))
            town.industryNoteZH = i % 4 == 0 ? "注\(i)" : nil
            town.reading = i % 6 == 0 ? "xiao zhen" : nil
            return town
        }
    }

    /// A body of `towns` (`SnapshotWriter.town`) and its string table.
    func written(_ towns: [Town]) -> (body: [UInt8], strings: [String]) {
        var writer = SnapshotWriter()
        for town in towns { writer.town(town) }
        return (writer.body, writer.strings)
    }

    /// Every town decoded with one `TownDecoding` for all is the town written and the town
    /// decoded alone (`town()`); equal entity lists decoded again are one array (shared storage).
    func testTownsDecodedWithWhatIsKeptAreTheTownsWritten() throws {
        let towns = towns()
        let (body, strings) = written(towns)
        try body.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            reader.strings = strings
            var alone = SnapshotReader(raw)
            alone.strings = strings
            var decoding = TownDecoding()
            var decoded: [Town] = []
            for town in towns {
                let kept = try reader.town(&decoding)
                XCTAssertEqual(kept, town)
                XCTAssertEqual(kept, try alone.town())
                XCTAssertEqual(kept.entityIDs, town.entityIDs)
                XCTAssertEqual(kept.mode, town.mode)
                XCTAssertEqual(kept.list, town.list)
                XCTAssertEqual(kept.industryNoteZH, town.industryNoteZH)
                decoded.append(kept)
            }
            XCTAssertTrue(reader.atEnd)
            // Towns 1 and 8 both name ["e1"]: the second is the first's array; 2 and 6 name other ones.
            func storage(_ ids: [String]) -> UnsafeRawPointer? { ids.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
            XCTAssertEqual(decoded[1].entityIDs, ["e1"])
            XCTAssertEqual(storage(decoded[1].entityIDs), storage(decoded[8].entityIDs))
            XCTAssertEqual(decoded[2].entityIDs, ["e2"])
            XCTAssertNotEqual(storage(decoded[1].entityIDs), storage(decoded[2].entityIDs))
            XCTAssertEqual(decoded[6].entityIDs, ["e3"])
            XCTAssertEqual(decoded[3].entityIDs, decoded[10].entityIDs)
        }
    }

    /// `WordCache` gives `T(rawValue:)` of the string at each index, the first time and again;
    /// a string that is no case, or an index out of the table, is `.corrupt`, never a trap.
    func testAWordCacheGivesTheSameValues() throws {
        let strings = ["named", "joint", "creation", "nonsense", "group-led", "cultivation", "named "]
        var lists = WordCache<ListStage>()
        var modes = WordCache<OperatingMode>()
        for _ in 0..<3 {
            for (i, text) in strings.enumerated() {
                if let stage = ListStage(rawValue: text) {
                    XCTAssertEqual(try lists.value(UInt64(i), in: strings), stage)
                } else {
                    XCTAssertThrowsError(try lists.value(UInt64(i), in: strings)) {
                        guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
                    }
                }
                if let mode = OperatingMode(rawValue: text) {
                    XCTAssertEqual(try modes.value(UInt64(i), in: strings), mode)
                } else {
                    XCTAssertThrowsError(try modes.value(UInt64(i), in: strings))
                }
            }
        }
        for index in [UInt64(strings.count), UInt64.max] {
            XCTAssertThrowsError(try lists.value(index, in: strings)) {
                guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
            }
        }
    }

    /// A damaged town (a string reference out of the table in its entity list, a list stage
    /// that is no stage, a count beyond the data) throws `.corrupt` with what was kept too.
    func testADamagedTownThrows() throws {
        let towns = Array(towns().prefix(12))
        let (body, strings) = written(towns)
        // Every string's index out of the table (a shorter table): some reference fails.
        for keep in [0, 1, 3, strings.count - 1] {
            try body.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                reader.strings = Array(strings.prefix(keep))
                var decoding = TownDecoding()
                XCTAssertThrowsError(try { for _ in towns { _ = try reader.town(&decoding) } }()) {
                    guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
                }
            }
        }
        // Every prefix of the body: decoding stops with `.corrupt` (or ends early), never traps.
        for cut in stride(from: 0, to: body.count, by: 7) {
            try Array(body.prefix(cut)).withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                reader.strings = strings
                var decoding = TownDecoding()
                XCTAssertThrowsError(try { for _ in towns { _ = try reader.town(&decoding) } }(), "cut at \(cut)")
            }
        }
        // The list stage's string in the table made another text: not a stage.
        var writer = SnapshotWriter()
        writer.town(towns[0])
        try writer.body.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            reader.strings = writer.strings.map { ListStage(rawValue: $0) != nil ? "stage?" : $0 }
            var decoding = TownDecoding()
            XCTAssertThrowsError(try reader.town(&decoding)) {
                guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
            }
        }
    }

    /// The string table's strings (`SnapshotReader.text`): ASCII text of every length up to 40 is
    /// its bytes; one byte of 0x80 or more at any place of it (a stray continuation, a cut
    /// sequence: not UTF-8) is `.corrupt`; UTF-8 beside ASCII is read; a cut four-byte sequence
    /// that `String(decoding:)` repairs to as many bytes still throws (the bytes are compared).
    func testAStrayByteAnywhereInAStringIsDamage() throws {
        for length in 0...40 {
            let ascii = (0..<length).map { UInt8(0x21 + ($0 * 7) % 90) }
            try ascii.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                XCTAssertEqual(try reader.text(length: length), String(decoding: ascii, as: UTF8.self))
            }
            for place in 0..<length {
                for stray: UInt8 in [0x80, 0xBF, 0xC3, 0xE9, 0xF0, 0xFF] {
                    var bad = ascii
                    bad[place] = stray
                    try bad.withUnsafeBytes { raw in
                        var reader = SnapshotReader(raw)
                        XCTAssertThrowsError(try reader.text(length: length), "\(stray) at \(place) of \(length)") {
                            guard case .corrupt = $0 as? SnapshotRejection else { return XCTFail("\($0)") }
                        }
                    }
                }
            }
        }
        for text in ["Dream Town 梦想小镇", "é", "abcdefgh镇", "😀abcdefghijklmnop"] {
            let utf8 = Array(text.utf8)
            try utf8.withUnsafeBytes { raw in
                var reader = SnapshotReader(raw)
                XCTAssertEqual(try reader.text(length: utf8.count), text)
            }
        }
        // F0 9F 98 (a cut emoji) then "A": repaired as U+FFFD "A", four bytes as well.
        let cut: [UInt8] = [0xF0, 0x9F, 0x98, 0x41]
        XCTAssertEqual(String(decoding: cut, as: UTF8.self).utf8.count, cut.count)
        try cut.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            XCTAssertThrowsError(try reader.text(length: cut.count))
        }
    }
}
