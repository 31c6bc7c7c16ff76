import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// A search of a snapshot's towns reads their stored search texts in place (wave 23, issue 17
/// point 3: the first keystroke decoded and copied 10,000 texts): it finds exactly the towns
/// that testing each decoded text finds, never a match running from one town's text into the
/// next, and nothing is decoded.
final class W23KeysSearchInPlaceTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// The towns each needle's in-place search finds are those whose decoded text holds it.
    func testInPlaceFindsWhatEachDecodedTextHolds() throws {
        let (_, loaded) = try writtenWithSnapshot(towns: 300, months: 2, seed: 23, folders: folders, name: "w23keys")
        let keys = try XCTUnwrap(loaded.derived?.keys)
        let texts = try XCTUnwrap(keys.searchTexts())
        func expected(_ needles: [[UInt8]]) -> [Bool] {
            texts.map { text in needles.contains { SearchIndex.contains(text, $0) } }
        }
        var needles: [[[UInt8]]] = []
        for query in ["h", "zx", "镇", "x", "hai", "nothing-like-this", "a", "2"] {
            needles.append(SearchIndex.needles(query))
        }
        // Each town's whole text, its first and its last bytes.
        for i in [0, 1, 150, texts.count - 1] {
            needles.append([texts[i]])
            needles.append([Array(texts[i].prefix(3))])
            needles.append([Array(texts[i].suffix(3))])
        }
        // Bytes running from one town's text, over the next one's length, into the next: found in no
        // town unless a town's own text holds them.
        // The snapshot writes a length as LEB128 (`SnapshotWriter.uint`).
        func length(_ n: Int) -> [UInt8] {
            var out: [UInt8] = [], v = n
            repeat {
                out.append(UInt8(v & 0x7F) | (v > 0x7F ? 0x80 : 0))
                v >>= 7
            } while v > 0
            return out
        }
        var across = 0
        for i in [0, 7, 150, texts.count - 2] {
            let needle = Array(texts[i].suffix(2)) + length(texts[i + 1].count) + Array(texts[i + 1].prefix(2))
            needles.append([needle])
            across += expected([needle]).filter { $0 }.count
        }
        XCTAssertEqual(across, 0, "no town's text holds the bytes across a boundary")
        var found = 0
        for n in needles {
            let inPlace = try XCTUnwrap(keys.searchTextTowns(holdingAny: n))
            XCTAssertEqual(inPlace, expected(n), "\(n)")
            found += inPlace.filter { $0 }.count
        }
        XCTAssertGreaterThan(found, 300, "the needles find towns")
        XCTAssertEqual(keys.searchTextTowns(holdingAny: [[]]), [Bool](repeating: true, count: texts.count),
                       "an empty needle is in every text")
        XCTAssertEqual(keys.searchTextTowns(holdingAny: []), [Bool](repeating: false, count: texts.count))
    }

    /// A search on the towns view, sorted and narrowed (`&`), finds the rows a search from the text
    /// finds, and shows the same screens, with no stored text decoded.
    func testSearchAndNarrowingReadNothingDecoded() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: 300, months: 2, seed: 5, folders: folders, name: "w23keys")
        let derived = try XCTUnwrap(loaded.derived)
        let renderer = Renderer(theme: .monochrome)
        for narrowing in [false, true] {
            for sorted in [false, true] {
                var a = AppState(dataset: text, width: 100, height: 30)
                var b = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)
                a.stack = [Screen(.townList)]; b.stack = [Screen(.townList)]
                if sorted {
                    a = update(update(a, .chooseSort(descending: true)), .sortChooserKey(.char(SortChooser.keys[5])))
                    b = update(update(b, .chooseSort(descending: true)), .sortChooserKey(.char(SortChooser.keys[5])))
                }
                XCTAssertNotNil(b.content(for: b.screen)?.searchTowns, "the stored texts searched in place")
                a = update(a, narrowing ? .startNarrowing : .startSearch)
                b = update(b, narrowing ? .startNarrowing : .startSearch)
                for ch in "hz" + String(text.towns[42].nameZH.prefix(2)) {
                    a = update(a, .searchKey(.char(ch))); b = update(b, .searchKey(.char(ch)))
                    XCTAssertEqual(b.searchMatches(), a.searchMatches())
                    XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(), "narrowing \(narrowing)")
                }
                XCTAssertFalse(b.facts.searchTextsDecoded, "nothing decoded")
            }
        }
    }
}
