import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// What a snapshot stores for the first keys (`DerivedKeys`: every town's search text, the
/// pinyin of the names' characters) is exactly what the dashboard works out from the text, and
/// a search from the snapshot finds and shows what a search from the text does.
final class DerivedKeysTests: XCTestCase {
    /// The dataset read from the text, and the snapshot's (written with `derive`).
    func written(towns: Int, months: Int, seed: UInt64,
                 derive: @escaping @Sendable (Dataset) -> DerivedTables.Source = AppState.derivedTables) throws
        -> (text: Dataset, loaded: SnapshotStore.Loaded)
    {
        try writtenWithSnapshot(towns: towns, months: months, seed: seed, name: "keys", rules: false, derive: derive)
    }

    func testStoredSearchTextsAndReadingsAreThoseWorkedOutFromTheText() throws {
        for (towns, seed) in [(300, 2), (150, 11)] as [(Int, UInt64)] {
            let (text, loaded) = try written(towns: towns, months: 3, seed: seed)
            let keys = try XCTUnwrap(loaded.derived?.keys)
            let stored = try XCTUnwrap(keys.searchTexts(), "a snapshot written with its tables holds the search texts")
            let state = AppState(dataset: text)
            let make = state.townSearchText()
            XCTAssertEqual(stored.count, text.towns.count)
            for i in text.towns.indices {
                XCTAssertEqual(stored[i], make(i), "town \(text.towns[i].id)'s search text")
                // Independently of `townSearchText`: every term's forms, as the search reads them.
                let terms = state.townTerms(text.towns[i], entities: state.facts.entitiesByID)
                XCTAssertEqual(stored[i], SearchIndex().haystack(terms))
            }
            let readings = try XCTUnwrap(keys.syllables())
            // The names' characters, the generic endings' a search looks for (`SearchIndex.endings`), the region's.
            let names = text.towns.flatMap { [$0.nameZH, $0.countyZH, $0.reading ?? ""] } + text.entities.map(\.nameZH)
                + SearchIndex.genericEndings + ["市", "县", "区"]
                // The region's name too (a city row's search asks for it on the first keystroke).
                + [SearchIndex.distinctive("\(text.regionZH)")]
            let characters = Set(names.joined().filter { $0.unicodeScalars.contains(where: SearchIndex.isHan) })
            XCTAssertEqual(Set(readings.keys), characters, "a reading for every character of the names, no other")
            // A first search reads the endings' forms from these readings (no ICU), and they are ICU's.
            let index = SearchIndex(stored: { readings })
            XCTAssertEqual(index.endings, SearchIndex.endingForms)
            XCTAssertFalse(index.endings.isEmpty)
            // Each reading is ICU's for that character alone (a fresh index, nothing stored).
            for (ch, reading) in readings {
                XCTAssertEqual(reading, SearchIndex().forms(String(ch)).pinyin, "\(ch)")
            }
        }
    }

    /// The same matches, the same screens, typing queries of every kind (Chinese, pinyin, initials,
    /// English, a county, an entity), from the stored texts and readings as from the text.
    func testSearchesFromTheStoredTextsAreTheSearchesFromTheText() throws {
        let (text, loaded) = try written(towns: 400, months: 2, seed: 7)
        let derived = try XCTUnwrap(loaded.derived)
        let town = text.towns[137]
        let pinyin = SearchIndex().forms(town.nameZH)
        let entity = try XCTUnwrap(text.entities.first)
        let queries = [
            String(town.nameZH.prefix(2)), String(pinyin.pinyin.prefix(5)), String(pinyin.initials.prefix(3)),
            String(town.nameEN.prefix(4)).lowercased(), town.countyZH, String(entity.nameZH.prefix(3)),
            entity.nameEN, "zzzq",
        ]
        let renderer = Renderer(theme: .monochrome)
        var found = 0
        for query in queries {
            var a = AppState(dataset: text, width: 100, height: 30)
            var b = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)
            a.stack = [Screen(.townList)]; b.stack = [Screen(.townList)]
            a = update(a, .startSearch); b = update(b, .startSearch)
            for ch in query {
                a = update(a, .searchKey(.char(ch))); b = update(b, .searchKey(.char(ch)))
                XCTAssertEqual(b.searchMatches(), a.searchMatches(), "\(query)")
                XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(), "\(query)")
            }
            found += a.searchMatches().count
            XCTAssertFalse(b.facts.searchTextsDecoded, "the search read the stored texts in place (wave 23)")
        }
        XCTAssertGreaterThan(found, 0, "the queries find towns")
        // Sorting by a name column reads the stored readings (the index's pinyin), as from the text.
        let fromSnapshot = Facts(dataset: loaded.dataset, derived: derived), fromText = Facts(dataset: text)
        for t in text.towns.prefix(50) {
            XCTAssertEqual(fromSnapshot.searchIndex.forms(t.nameZH).pinyin, fromText.searchIndex.forms(t.nameZH).pinyin)
            XCTAssertEqual(fromSnapshot.searchIndex.forms(t.countyZH).initials,
                           fromText.searchIndex.forms(t.countyZH).initials)
        }
    }

    /// A snapshot without the keys' tables (written before them, or by a derivation that leaves
    /// them out) is used for its other tables, and a search works each town's text out as before.
    func testWithoutStoredKeysASearchWorksTheTextsOut() throws {
        let (text, loaded) = try written(towns: 200, months: 2, seed: 4) { dataset in
            var source = AppState.derivedTables(for: dataset)
            source.keys = DerivedKeys.Source()
            return source
        }
        let derived = try XCTUnwrap(loaded.derived)
        XCTAssertNil(derived.keys.searchTexts())
        XCTAssertNil(derived.keys.syllables())
        let query = String(text.towns[42].nameZH.prefix(3))
        var a = update(AppState(dataset: text, width: 100, height: 30), .showView(.townList))
        var b = update(AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30),
                       .showView(.townList))
        a = update(a, .startSearch); b = update(b, .startSearch)
        for ch in query { a = update(a, .searchKey(.char(ch))); b = update(b, .searchKey(.char(ch))) }
        XCTAssertNil(b.facts.storedSearchTexts)
        XCTAssertFalse(a.searchMatches().isEmpty)
        XCTAssertEqual(b.searchMatches(), a.searchMatches())
    }

    /// The stored measure of each period's width sample (`townsSampleMeasures`) is the sampled
    /// rows' measure worked out from the text, and the screens drawn with it (a period switch,
    /// `b`, a sort, both languages) are those drawn by making and measuring the rows.
    func testStoredWidthSamplesGiveTheWidthsOfTheSampledRows() throws {
        let (text, loaded) = try written(towns: 400, months: 14, seed: 9)
        let derived = try XCTUnwrap(loaded.derived)
        let renderer = Renderer(theme: .monochrome)
        var used = 0
        for period in [0, 1, 7, text.periods.count - 1] {
            for language in Language.allCases {
                for behind in [false, true] {
                    var a = AppState(dataset: text, width: 120, height: 30)
                    var b = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 120, height: 30)
                    a.stack = [Screen(.townList)]; b.stack = [Screen(.townList)]
                    a.periodIndex = period; b.periodIndex = period
                    a.language = language; b.language = language
                    a.filter.behindSchedule = behind; b.filter.behindSchedule = behind
                    let list = try XCTUnwrap(a.listContent(.townList))
                    let stored = try XCTUnwrap(b.listContent(.townList))
                    let rows = ViewCache.samplePositions(list.rows.count).map { list.rows.unsortedRow($0) }
                    if let measure = stored.sampleMeasure {
                        XCTAssertEqual(measure.rows, list.rows.count)
                        XCTAssertEqual(measure.columns, TableLayout.measure(rows, columns: list.columns),
                                       "period \(period) \(language) behind \(behind)")
                        used += 1
                    }
                    let measured = TableLayout.measure(rows, columns: list.columns)
                    XCTAssertEqual(TableLayout.naturalWidths(columns: list.columns, rows: [rows, list.summary]),
                                   TableLayout.naturalWidths(columns: list.columns, rows: [list.summary],
                                                             measured: measured))
                    XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines(),
                                   "period \(period) \(language) behind \(behind)")
                    for column in [3, 6, 10] {
                        let key = Action.sortChooserKey(.char(SortChooser.keys[column]))
                        let sa = update(update(a, .chooseSort(descending: true)), key)
                        let sb = update(update(b, .chooseSort(descending: true)), key)
                        XCTAssertEqual(sa.screen.sortColumn, column)
                        XCTAssertEqual(renderer.render(sb).lines(), renderer.render(sa).lines(), "sorted by \(column)")
                    }
                }
            }
        }
        XCTAssertEqual(used, 16, "every list, filtered or not, took the stored measures")
    }
}
