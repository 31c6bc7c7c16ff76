import Foundation
import TownsCore
@testable import TownsUI
import XCTest
import TownsSynthetic

/// The lists, widths and pages kept between keys (`ViewCache`) never show a stale screen:
/// every state reached by keys renders as a fresh state with the same view, period,
/// selection and size renders.
final class CacheTests: XCTestCase {
    static let dataset: Dataset = {
        let dir = NSTemporaryDirectory() + "towns-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try! SyntheticDataset(towns: 120, months: 15, seed: 5).write(to: dir, rules: nil)
        return try! DatasetLoader.load(directory: dir).dataset
    }()

    /// A state made from nothing with `state`'s view stack, period, size and help.
    func fresh(_ state: AppState) -> AppState {
        var s = AppState(dataset: state.dataset, width: state.width, height: state.height)
        s.stack = state.stack
        s.periodIndex = state.periodIndex
        s.showHelp = state.showHelp
        s.message = state.message
        return s
    }

    func testKeysNeverShowAStaleScreen() throws {
        let ascii = Renderer(theme: .monochrome, glyphs: .ascii)
        for dataset in [Self.dataset, try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset] {
            var s = AppState(dataset: dataset, width: 100, height: 30)
            let script: [Action] = [
                .moveDown, .moveDown, .pageDown, .nextPeriod, .moveDown, .open, .moveDown, .nextPeriod, .back,
                .resize(width: 80, height: 24), .pageDown, .last, .previousPeriod, .showView(.typeList), .open, .moveDown,
                .open, .back, .back, .showView(.entityList), .last, .open, .open, .back, .back, .showView(.assessment),
                .pageDown, .open, .resize(width: 140, height: 50), .back, .nextView, .nextView, .nextPeriod, .nextPeriod,
                .nextPeriod, .nextPeriod, .nextPeriod, .nextPeriod, .nextPeriod, .first, .moveDown, .toggleHelp, .toggleHelp,
            ]
            for (i, action) in script.enumerated() {
                s = update(s, action)
                XCTAssertEqual(screen(s), screen(fresh(s)), "after step \(i) (\(action)) in \(dataset.nameEN)")
                XCTAssertEqual(ascii.render(s).lines(), ascii.render(fresh(s)).lines(), "ascii, step \(i)")
            }
        }
    }

    func testCachedWidthsAreTheWidthsOfEveryRowOfAShortList() throws {
        // 120 towns: fewer than ViewCache.widthSample, so every row is measured.
        let s = AppState(dataset: Self.dataset, width: 120, height: 30)
        for kind in [Screen.Kind.townList, .typeList, .entityList, .assessment, .townsOfType(2)] {
            let list = try XCTUnwrap(s.list(for: Screen(kind)))
            let content = list.content
            let every = TableLayout.naturalWidths(columns: content.columns, rows: [content.rows.all, content.summary])
            XCTAssertEqual(s.cache.naturalWidths(list, visible: 0..<20), every, "\(kind)")
            XCTAssertEqual(s.cache.naturalWidths(list, visible: 100..<120), every, "\(kind)")
        }
    }

    func testALongListMeasuresTheRowsOnScreenSoNoFigureIsCut() throws {
        let dir = NSTemporaryDirectory() + "towns-widths-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 900, months: 6, seed: 11).write(to: dir, rules: nil)
        let s = AppState(dataset: try DatasetLoader.load(directory: dir).dataset, width: 200, height: 30)
        let list = try XCTUnwrap(s.list(for: Screen(.townList)))
        let content = list.content
        XCTAssertGreaterThan(content.rows.count, ViewCache.widthSample)
        let every = TableLayout.naturalWidths(columns: content.columns, rows: [content.rows.all, content.summary])
        for start in stride(from: 0, to: content.rows.count, by: 25) {
            let shown = start..<min(content.rows.count, start + 25)
            let widths = s.cache.naturalWidths(list, visible: shown)
            let onScreen = TableLayout.naturalWidths(columns: content.columns, rows: [shown.map { content.rows[$0] }])
            for c in content.columns.indices {
                XCTAssertGreaterThanOrEqual(widths[c], onScreen[c], "column \(c), rows \(shown)")
                XCTAssertLessThanOrEqual(widths[c], every[c], "column \(c): never wider than the widest row")
            }
        }
    }

    /// The findings are the dataset's (a fresh checker finds the same), shared by the states
    /// made from one another, made anew for reloaded data, and the city-totals page shows
    /// every finding about the city's totals.
    func testFindingsAreComputedOnceAndComplete() throws {
        let bundled = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
        var s = AppState(dataset: bundled, width: 120, height: 200)
        s.stack = [Screen(.townList)]
        let fresh = Checker(dataset: bundled).run()
        XCTAssertFalse(fresh.isEmpty)
        XCTAssertEqual(s.findings, fresh)
        let moved = apply(s, .moveDown, .nextPeriod, .showView(.typeList))
        XCTAssertTrue(moved.facts === s.facts, "one facts object per dataset")
        var changed = bundled
        changed.totals[FigureKey(.completionRate, "2015-09")] = Figure(quantity: .exact(Decimal(string: "42.0")!, decimals: 1),
                                                                      provenance: .reported(source: "paper", at: nil, quote: nil, note: nil))
        let r = reloaded(s, with: changed)
        XCTAssertEqual(r.findings, Checker(dataset: changed).run())
        XCTAssertNotEqual(r.findings, fresh, "the reloaded data's findings, not the old ones")
        let page = screen(apply(s, .last, .moveDown, .open)).joined(separator: "\n")
        let city = fresh.filter { $0.townID == nil }
        XCTAssertFalse(city.isEmpty)
        let words = FindingWords(dataset: bundled, language: s.language)
        for f in city {
            XCTAssertTrue(page.contains(String(words.subject(f).prefix(20))), "\(f.subject) on the city-totals page")
        }
    }
}
