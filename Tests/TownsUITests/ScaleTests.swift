import Foundation
import TownsCore
@testable import TownsUI
import XCTest
import TownsSynthetic

/// What keeps keys fast at province scale gives the same screen as working everything out
/// in full: rows made when shown, sort keys without rows, one search over bytes, per-period
/// tables, sums without towns, pinyin per character, and the warm-up between keys.
final class ScaleTests: XCTestCase {
    static let dataset: Dataset = {
        let dir = NSTemporaryDirectory() + "towns-scale-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try! SyntheticDataset(towns: 400, months: 14, seed: 3).write(to: dir, rules: nil)
        return try! DatasetLoader.load(directory: dir).dataset
    }()

    func testRowsAreMadeWhenReadAndOnce() {
        let made = Counter()
        let rows = Rows(count: 1000) { i in made.add(); return TableRow([.plain(String(i))]) }
        XCTAssertEqual(made.value, 0)
        XCTAssertEqual(rows.count, 1000)
        _ = rows[7]; _ = rows[7]
        XCTAssertEqual(made.value, 1)
        let reversed = rows.reordered(Array((0..<1000).reversed()))
        XCTAssertEqual(reversed.source(0), 999)
        guard case let .text(first, _) = reversed[0].cells[0] else { return XCTFail() }
        XCTAssertEqual(first, "999")
        XCTAssertEqual(reversed.reordered([1, 0]).source(0), 998, "a reorder of a reorder maps to the first list")
        XCTAssertEqual(rows.all.count, 1000)
        XCTAssertEqual(made.value, 1000, "each row made once, whoever read it first")
    }

    /// Sorting by keys worked out from the figures gives the order sorting by the cells as
    /// shown gives, for every column of the towns table, both ways, over several periods.
    func testSortKeysFromFiguresOrderAsTheCellsDo() throws {
        for period in [0, 5, Self.dataset.periods.count - 1] {
            var s = AppState(dataset: Self.dataset)
            s.periodIndex = period
            let content = try XCTUnwrap(s.listContent(.townList))
            XCTAssertNotNil(content.sortKey)
            let rows = content.rows.all
            for column in content.columns.indices {
                for descending in [false, true] {
                    XCTAssertEqual(TableSort.order(content, column: column, descending: descending, index: s.searchIndex),
                                   TableSort.order(rows, column: column, descending: descending, index: s.searchIndex),
                                   "period \(period), column \(column), descending \(descending)")
                }
            }
        }
    }

    func testTheTableSumsAreTheKnownSums() throws {
        var s = AppState(dataset: Self.dataset)
        s.periodIndex = Self.dataset.periods.count - 2
        let p = try XCTUnwrap(s.period)
        let known = s.metrics.knownSum(FigureKey(.completed, p.id), over: Self.dataset.towns)
        var tally = Metrics.Tally()
        for f in s.periodTable() { tally.add(f.completed) }
        XCTAssertEqual(tally.sum, known.sum)
        XCTAssertEqual([tally.known, tally.derived, tally.bounded, tally.unknown, tally.decimals],
                       [known.known.count, known.derived.count, known.bounded.count, known.unknown.count, known.decimals])
        XCTAssertGreaterThan(tally.known, 0)
        XCTAssertGreaterThan(tally.unknown, 0)
    }

    /// The table's figures (values and derived marks, the plan worked out once a year) are
    /// the figures a town's page shows.
    func testThePeriodTableHoldsThePagesFigures() throws {
        var s = AppState(dataset: Self.dataset)
        for period in [1, 7, Self.dataset.periods.count - 1] {
            s.periodIndex = period
            let p = try XCTUnwrap(s.period)
            let table = s.periodTable()
            for (i, town) in Self.dataset.towns.enumerated() {
                let full = s.metrics.periodFigures(town, period: p.id, year: String(p.year))
                let fast = table[i]
                for (a, b) in [(full.planYear, fast.planYear), (full.completed, fast.completed), (full.completionRate, fast.completionRate),
                               (full.projectsStarted, fast.projectsStarted), (full.projectsPlanned, fast.projectsPlanned),
                               (full.startRate, fast.startRate)] {
                    XCTAssertEqual(ShownFigure(a)?.quantity, b?.quantity, "\(town.id) in \(p.id)")
                    XCTAssertEqual(a?.isDerived, b?.isDerived, "\(town.id) in \(p.id)")
                }
            }
        }
    }

    /// The byte search finds what matching each row's terms as text finds.
    func testSearchMatchesAreTheRowsWhoseTermsMatch() throws {
        var s = AppState(dataset: Self.dataset)
        s.stack = [Screen(.townList)]
        let content = try XCTUnwrap(s.listContent(.townList))
        let names = Self.dataset.towns.prefix(40).flatMap { [$0.nameZH, $0.countyEN] }
        let queries = ["h", "xiao", "HAI", "zx", "镇", "小 镇", "杭州", "qzz", "nothing-like-this"] + names.map { String($0.prefix(2)) }
        for query in queries {
            s.search = SearchState(query: query, editing: true)
            let expected = content.rows.indices.filter { i in
                let q = SearchIndex.normalizedQuery(query)
                return content.rows[i].searchTerms.contains { term in
                    // Pinyin and initials of the name without its generic ending (小镇, 县, ...: wave 8);
                    // a reading (pinyin already) as text without it too.
                    let core = SearchIndex.distinctive(term)
                    let f = s.searchIndex.forms(term), d = s.searchIndex.forms(core)
                    let isHan = term.unicodeScalars.contains(where: SearchIndex.isHan)
                    guard isHan || SearchIndex.isReading(term) else {
                        // English words: anywhere in the text, across a word's end only where the
                        // query has the space (wave 22), or their initials.
                        let spaced = SearchIndex.spaced(query)
                        return [SearchIndex.spaced(f.plain), SearchIndex.spaced(d.pinyin)].contains {
                            $0.contains(q) || $0.contains(spaced)
                        } || d.initials.contains(q)
                    }
                    // Chinese text anywhere (not a reading's); full pinyin only from a syllable's start
                    // (wave 12); initials anywhere.
                    let froms = d.syllables.indices.map { d.syllables[$0...].joined() }
                    if isHan && f.plain.filter({ !$0.isWhitespace }).contains(q) { return true }
                    _ = core
                    if froms.contains(where: { $0.hasPrefix(q) }) || d.initials.contains(q) { return true }
                    // Or running on into the ending: the part before it ends a Chinese name's pinyin or initials.
                    return SearchIndex.needles(query).dropFirst().contains { needle in
                        guard needle.last == 1 else { return false }
                        if needle.first == 2 {
                            let head = String(decoding: needle.dropFirst().dropLast(), as: UTF8.self).lowercased()
                            return froms.contains(head)
                        }
                        let head = String(decoding: needle.dropLast(), as: UTF8.self)
                        return d.initials.hasSuffix(head)
                    }
                }
            }
            // The city's totals row after the towns, found by the start of the city's name (wave 12).
            let city = s.cityRowMatches(query) ? [content.rows.count] : []
            XCTAssertEqual(s.searchMatches(), expected + city, "query \(query)")
        }
    }

    /// Pinyin worked out per character equals ICU's reading of the whole name for every
    /// name of the bundled data and of the generator (initials too, for names of Chinese
    /// characters only).
    func testPinyinPerCharacterIsICUsReadingOfTheNames() throws {
        let bundled = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        var names: Set<String> = []
        for d in [bundled, Self.dataset] {
            for t in d.towns { names.formUnion([t.nameZH, t.countyZH]) }
            for e in d.entities { names.insert(e.nameZH) }
        }
        if let province = bundled.province { for t in province.listed { names.insert(t.nameZH) } }
        let index = SearchIndex()
        for name in names {
            let latin = name.applyingTransform(.mandarinToLatin, reverse: false)!.applyingTransform(.stripDiacritics, reverse: false)!.lowercased()
            let syllables = latin.split { !$0.isLetter && !$0.isNumber }
            XCTAssertEqual(index.forms(name).pinyin, syllables.joined(), name)
            // ICU joins a digit to the syllable before it ("zhen2"); per character the digit
            // is a word of its own, so the initials of 小镇2号 are xz2h (ICU's reading: xzh).
            if name.allSatisfy({ $0.unicodeScalars.allSatisfy(SearchIndex.isHan) }) {
                XCTAssertEqual(index.forms(name).initials, String(syllables.compactMap(\.first)), name)
            }
        }
    }

    /// After the warm-up the neighbouring periods are ready, and every screen is the screen a
    /// state without the warm-up draws.
    func testWarmUpChangesNothingShown() throws {
        let renderer = Renderer(theme: .monochrome)
        var s = AppState(dataset: Self.dataset, width: 120, height: 30)
        var cold = s
        for action in [Action.nextPeriod, .startSearch, .searchKey(.char("x")), .searchKey(.enter), .nextPeriod, .sortNextColumn,
                       .previousPeriod, .showView(.entityList), .moveDown, .nextPeriod, .showView(.assessment), .previousPeriod] {
            s.warm()
            s = update(s, action)
            cold = update(AppState.rebuilt(cold), action)
            XCTAssertEqual(renderer.render(s).lines(), renderer.render(cold).lines(), "after \(action)")
        }
    }

    /// The dashboard's way: the warm-up on another thread while keys arrive, sharing the
    /// view cache. Screens are the screens of a state that worked everything out itself
    /// (run under the thread sanitizer too: `swift test --sanitize=thread`).
    func testWarmUpOnAnotherThreadWhileKeysArrive() throws {
        let renderer = Renderer(theme: .monochrome)
        var s = AppState(dataset: Self.dataset, width: 120, height: 30)
        let group = DispatchGroup()
        let actions: [Action] = [.nextPeriod, .nextPeriod, .showView(.typeList), .showView(.townList), .startSearch, .searchKey(.char("z")),
                                 .searchKey(.enter), .sortNextColumn, .previousPeriod, .showView(.entityList), .moveDown, .open,
                                 .back, .showView(.assessment), .nextPeriod, .toggleBehindFilter, .previousPeriod]
        for action in actions {
            let now = s
            DispatchQueue.global().async(group: group) { now.warm() }
            s = update(s, action)
            XCTAssertEqual(renderer.render(s).lines(), renderer.render(AppState.rebuilt(s)).lines(), "after \(action)")
        }
        group.wait()
    }

    /// What a state works out is freed with it: the rows kept in its view cache hold no
    /// reference back to the cache (a live reload replaces the state and its dataset; a
    /// cycle would keep every old dataset).
    func testAViewCacheIsFreedWithItsState() throws {
        weak var oldCache: ViewCache?
        weak var oldIndex: SearchIndex?
        var s = AppState(dataset: Self.dataset, width: 120, height: 30)
        do {
            var old = AppState(dataset: Self.dataset, width: 120, height: 30)
            for action in [Action.nextPeriod, .showView(.typeList), .showView(.entityList), .showView(.assessment), .showView(.townList),
                           .sortNextColumn, .startSearch, .searchKey(.char("x"))] {
                old = update(old, action)
                _ = Renderer(theme: .monochrome).render(old)
            }
            old.warm()
            oldCache = old.cache
            oldIndex = old.searchIndex
            XCTAssertNotNil(oldCache)
            s = reloaded(old, with: Self.dataset)
        }
        _ = Renderer(theme: .monochrome).render(s)
        XCTAssertNil(oldCache, "the old state's view cache is freed")
        XCTAssertNil(oldIndex, "the old state's search index is freed")
    }

    /// Sorting a long list by a column the screen shows moves no column: the same widths
    /// both ways, the mark drawn in the gap after the title.
    func testSortingMovesNoColumn() throws {
        var s = AppState(dataset: Self.dataset, width: 100, height: 30)
        let rows = 0..<Renderer.visibleRows(s)
        func widths(_ state: AppState) throws -> [Int?] {
            let list = try XCTUnwrap(state.list(for: state.screen))
            return TableLayout(columns: list.content.columns, naturalWidths: state.cache.naturalWidths(list, visible: rows), width: 100).widths
        }
        let unsorted = try widths(s)
        for column in unsorted.indices where unsorted[column] != nil {
            for descending in [false, true] {
                s.screen.sortColumn = column
                s.screen.sortDescending = descending
                XCTAssertEqual(try widths(s), unsorted, "sorted by column \(column), descending \(descending)")
            }
        }
    }

    /// Invented figures never pass for real ones: the title's synthetic mark survives the
    /// narrowest terminal the dashboard draws in, in both languages.
    func testTheSyntheticMarkIsNeverCut() {
        for language in Language.allCases {
            var s = AppState(dataset: Self.dataset, width: Renderer.minimumWidth, height: Renderer.minimumHeight)
            s.language = language
            let title = Renderer(theme: .monochrome).render(s).lines()[0]
            XCTAssertTrue(title.contains(language == .zh ? "[合成数据]" : "[SYNTHETIC DATA]"), title)
        }
    }

    /// Holding `]` cycles through every period; passing either end says so.
    func testPeriodsWrapAndSaySo() {
        var s = AppState(dataset: Self.dataset)
        let n = Self.dataset.periods.count
        s.periodIndex = n - 2
        s = update(s, .nextPeriod)
        XCTAssertFalse(s.message?.contains("wrapped") ?? true, s.message ?? "")
        s = update(s, .nextPeriod)
        XCTAssertEqual(s.periodIndex, 0)
        XCTAssertTrue(s.message?.contains(s.tr(Catalogue.wrappedToTheFirst)) ?? false, s.message ?? "")
        s = update(s, .previousPeriod)
        XCTAssertEqual(s.periodIndex, n - 1)
        XCTAssertTrue(s.message?.contains(s.tr(Catalogue.wrappedToTheLast)) ?? false, s.message ?? "")
    }

    func testALongTownListIsCutWithACount() {
        var s = AppState(dataset: Self.dataset)
        for width in [12, 20, 34, 60] {
            let list = s.nameList(Array(0..<50), width: width)
            XCTAssertLessThanOrEqual(DisplayWidth.of(list), width, list)
            XCTAssertTrue(list.hasSuffix("个"), "the count is never cut: \(list)")
        }
        let cut = s.nameList(Array(0..<50), width: 60)
        let shown = cut.components(separatedBy: "、").count
        XCTAssertTrue(cut.hasSuffix("… 另 \(50 - shown) 个"), cut)
        s.language = .en
        XCTAssertTrue(s.nameList(Array(0..<50), width: 60).hasSuffix("more"))
        XCTAssertEqual(s.nameList([0], width: 60), Self.dataset.towns[0].nameEN)
        XCTAssertEqual(s.nameList([0, 1], width: 200), Self.dataset.towns[0].nameEN + ", " + Self.dataset.towns[1].nameEN)
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}

extension AppState {
    /// The same state with a new, empty view cache (nothing worked out yet).
    static func rebuilt(_ state: AppState) -> AppState {
        var s = state
        s.cache = ViewCache()
        return s
    }
}
