import CTownsText
import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// The cold search keys at national scale (wave 24, issue 17 point 3): the byte search the stored
/// texts are searched with (`towns_find_bytes`) finds what a plain search finds, wherever the needle
/// lies against its sixteen-byte steps; a search with several needles looks in a town's text only
/// until one finds it, and finds what each decoded text says; a narrowed list (`&`) answers its own
/// search from the rows it kept, which are exactly the rows a search of it finds.
final class W24KeysSearchOnceTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    /// The first offset of `needle` in `bytes[from..<end]`, or -1, by the plainest search.
    private func plainFind(_ bytes: [UInt8], _ from: Int, _ end: Int, _ needle: [UInt8]) -> Int {
        guard from <= end else { return -1 }
        if needle.isEmpty { return from }
        var at = from
        while at + needle.count <= end {
            if Array(bytes[at..<at + needle.count]) == needle { return at }
            at += 1
        }
        return -1
    }

    func testFindBytesAgreesWithAPlainSearch() {
        var rng = SystemRandomNumberGenerator()
        // Few distinct bytes, so first bytes and first pairs occur often, in and out of the steps.
        let alphabet: [UInt8] = [0, 1, 2, 0x48, 0x41, 0x68, 0xE9]
        var checked = 0, found = 0
        for length in [0, 1, 2, 3, 15, 16, 17, 18, 31, 32, 33, 47, 64, 100, 257] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
                var needles: [[UInt8]] = [[], [2], [2, 0x48], [0x48, 0x41, 0x48], [0xE9, 0, 1, 2]]
                // Needles taken from the bytes themselves, at every offset near the ends and the steps.
                for start in Set([0, 1, 14, 15, 16, 17, length - 3, length - 2, length - 1]) where start >= 0 {
                    for n in 1...4 where start + n <= length { needles.append(Array(bytes[start..<start + n])) }
                }
                for needle in needles {
                    for (from, end) in [(0, length), (1, length), (0, max(0, length - 1)), (length / 2, length),
                                        (3, 2)] where end <= length {
                        let expected = plainFind(bytes, from, end, needle)
                        let got = bytes.withUnsafeBytes { b in
                            needle.withUnsafeBytes { n in
                                towns_find_bytes(b.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, from, end,
                                                 n.baseAddress, n.count)
                            }
                        }
                        XCTAssertEqual(got, expected, "\(bytes) \(from)..<\(end) \(needle)")
                        checked += 1
                        if expected >= 0 { found += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(found, 1000, "the needles are found often (of \(checked))")
        XCTAssertGreaterThan(checked - found, 1000, "and missed often")
    }

    /// Several needles, the later ones looking only in the towns the earlier ones did not find: the
    /// towns found are those whose decoded text holds any of them, in every order of the needles.
    func testSeveralNeedlesFindWhatEachDecodedTextHolds() throws {
        let (_, loaded) = try writtenWithSnapshot(towns: 300, months: 2, seed: 24, folders: folders, name: "w24keys")
        let keys = try XCTUnwrap(loaded.derived?.keys)
        let texts = try XCTUnwrap(keys.searchTexts())
        func expected(_ needles: [[UInt8]]) -> [Bool] {
            texts.map { text in needles.contains { SearchIndex.contains(text, $0) } }
        }
        var sets: [[[UInt8]]] = []
        for query in ["h", "hz", "zx", "镇", "hai", "xz", "a2", "hyhdxz"] {
            let needles = SearchIndex.needles(query)
            sets.append(needles)
            sets.append(needles.reversed())
        }
        // A needle that finds one town (its whole text), before and after one that finds many.
        sets.append([texts[7], [2], texts[200]])
        sets.append([[2], texts[7]])
        var some = 0
        for needles in sets {
            let inPlace = try XCTUnwrap(keys.searchTextTowns(holdingAny: needles))
            let want = expected(needles)
            XCTAssertEqual(inPlace, want, "\(needles)")
            if want.contains(true) && want.contains(false) { some += 1 }
        }
        XCTAssertGreaterThan(some, 5, "the needles find some towns and not others")
    }

    /// A narrowed list's search is its rows, every one (the city's row where the query finds it), and
    /// those rows are the ones a search of the whole list finds, in its order.
    func testNarrowedListsSearchIsItsRows() throws {
        let (_, loaded) = try writtenWithSnapshot(towns: 300, months: 2, seed: 6, folders: folders, name: "w24keys")
        let derived = try XCTUnwrap(loaded.derived)
        for query in ["h", "hz", "jx", "镇"] {
            var narrowed = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)
            var searched = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)
            narrowed.stack = [Screen(.townList)]; searched.stack = [Screen(.townList)]
            narrowed = update(narrowed, .startNarrowing)
            searched = update(searched, .startSearch)
            for ch in query {
                narrowed = update(narrowed, .searchKey(.char(ch)))
                searched = update(searched, .searchKey(.char(ch)))
            }
            let rows = try XCTUnwrap(narrowed.content(for: narrowed.screen))
            let whole = try XCTUnwrap(searched.content(for: searched.screen))
            let found = searched.searchMatches()
            let towns = found.filter { $0 < whole.rows.count }
            XCTAssertEqual((0..<rows.rows.count).map { rows.target(at: $0) }, towns.map { whole.target(at: $0) },
                           "\(query): the rows kept are the matches")
            let city = found.count - towns.count
            XCTAssertEqual(narrowed.searchMatches(), Array(0..<(rows.rows.count + city)), query)
            if query != "jx" { XCTAssertFalse(towns.isEmpty, "\(query) finds towns") }
        }
    }
}
