import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import XCTest

/// What the towns view's first visit no longer works out (wave 21, issue 17): the widest town
/// name and county are read from the snapshot (`Facts.townTextWidths`) and are those measured
/// from the text; the stored search texts are not decoded by the list's first frame (since wave 23
/// nor by a search, which reads them in place), and a search finds the same towns as from the
/// text; a town row's search terms, made when read, are the town's terms.
final class W21PerfTownsFirstVisitTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func written() throws -> (text: Dataset, loaded: SnapshotStore.Loaded) {
        try writtenWithSnapshot(towns: 300, months: 3, seed: 21, folders: folders, name: "w21perf")
    }

    func testStoredNameWidthsAreThoseMeasuredFromTheText() throws {
        let (text, loaded) = try written()
        let derived = try XCTUnwrap(loaded.derived)
        for language in Language.allCases {
            let fromText = Facts(dataset: text).townTextWidths(language: language)
            let stored = try XCTUnwrap(derived.keys.measure(Facts.townTextWidthsName(language)), "\(language)")
            XCTAssertEqual(stored, [fromText.name, fromText.county], "stored in \(language)")
            let read = Facts(dataset: loaded.dataset, derived: derived).townTextWidths(language: language)
            XCTAssertEqual([read.name, read.county], [fromText.name, fromText.county], "read in \(language)")
            XCTAssertGreaterThan(fromText.name, 0)
        }
    }

    func testSearchTextsAreNotDecodedAndFindWhatTheTextFinds() throws {
        let (text, loaded) = try written()
        let derived = try XCTUnwrap(loaded.derived)
        var a = AppState(dataset: text, width: 100, height: 30)
        var b = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)
        a.stack = [Screen(.townList)]
        b.stack = [Screen(.townList)]
        let renderer = Renderer(theme: .monochrome)
        XCTAssertEqual(renderer.render(b).lines(), renderer.render(a).lines())
        XCTAssertFalse(b.facts.searchTextsDecoded, "the towns view's first frame decodes no search text")
        let queries = ["h", "zx", "镇", String(text.towns[7].nameZH.prefix(2)), text.towns[150].nameEN, "nothing-like-this"]
        var found = 0
        for query in queries {
            a.search = SearchState(query: query, editing: true)
            b.search = SearchState(query: query, editing: true)
            XCTAssertEqual(b.searchMatches(), a.searchMatches(), query)
            found += a.searchMatches().count
        }
        XCTAssertGreaterThan(found, 0)
        XCTAssertFalse(b.facts.searchTextsDecoded, "a search reads the stored texts in place (wave 23): none decoded")
    }

    func testATownRowsSearchTermsMadeWhenReadAreTheTownsTerms() throws {
        let (text, _) = try written()
        var s = AppState(dataset: text)
        s.stack = [Screen(.townList)]
        let content = try XCTUnwrap(s.listContent(.townList))
        XCTAssertEqual(content.rows.count, text.towns.count)
        for i in [0, 1, 99, text.towns.count - 1] {
            let terms = s.townTerms(text.towns[i], entities: s.facts.entitiesByID)
            XCTAssertEqual(content.rows[i].searchTerms, terms, text.towns[i].id)
            XCTAssertTrue(terms.contains(text.towns[i].nameZH))
        }
        var row = content.rows[0]
        row.searchTerms = ["given"]
        XCTAssertEqual(row.searchTerms, ["given"], "terms given replace those made")
    }
}

/// The warm-up (`AppState.warm`) leaves a snapshot's search texts undecoded (wave 21, issue 17), and,
/// since wave 23, with a search open too: the keystroke reads them in place.
final class W21PerfWarmSearchTests: XCTestCase {
    let folders = TemporaryFolders()

    override func tearDown() { folders.removeAll() }

    func testTheWarmUpDecodesNoSearchTextAndASearchFindsWhatTheTextFinds() throws {
        let (text, loaded) = try writtenWithSnapshot(towns: AppState.warmPinyinFrom, months: 2, seed: 4,
                                                     folders: folders, name: "w21warm")
        let derived = try XCTUnwrap(loaded.derived)
        var s = AppState(facts: Facts(dataset: loaded.dataset, derived: derived), width: 100, height: 30)
        s.stack = [Screen(.townList)]
        try XCTSkipIf(AppState.warmSkip != nil, "TOWNS_WARM_SKIP is set")
        s.warm()
        XCTAssertFalse(s.facts.searchTextsDecoded, "no search open: nothing decoded")
        s = update(s, .startSearch)
        s.warm()
        XCTAssertFalse(s.facts.searchTextsDecoded,
                       "a search open: the texts are read in place by the keystroke (wave 23)")
        var t = AppState(dataset: text, width: 100, height: 30)
        t.stack = [Screen(.townList)]
        for query in ["h", "zx"] {
            s.search = SearchState(query: query, editing: true)
            t.search = SearchState(query: query, editing: true)
            XCTAssertEqual(s.searchMatches(), t.searchMatches(), query)
        }
    }
}
