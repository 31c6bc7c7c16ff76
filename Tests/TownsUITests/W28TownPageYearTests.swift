import Foundation
import TownsCore
@testable import TownsUI
import TownsSynthetic
import XCTest

/// A town's page lists the figures of the shown period's year's periods, one section each; the
/// other years' periods are rows of its history and named under the sections with the keys that
/// show them (issue 17 point 3: at 60 periods the page made ~600 lines for the 24 shown).
final class W28TownPageYearTests: XCTestCase {
    /// The periods whose section heads the page (a header line starting with the period's label).
    func sectionPeriods(_ lines: [DetailLine], _ state: AppState) -> [String] {
        let headers = lines.filter { line in
            line.pieces.count == 1 && { if case let .text(_, role) = line.pieces[0] { return role == .header }; return false }()
        }.map { $0.text() }
        return state.dataset.periods.filter { p in
            let label = state.tr(p.labelZH, p.labelEN)
            return headers.contains { $0 == label || $0.hasPrefix(label + "  ") }
        }.map(\.id)
    }

    func testThePageListsTheShownYearsPeriodsAndNamesTheOthers() throws {
        let dir = NSTemporaryDirectory() + "w28-page-years-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 12, months: 26, seed: 5).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        XCTAssertEqual(Set(dataset.periods.map(\.year)), [2015, 2016, 2017])
        for language in Language.allCases {
            var base = AppState(dataset: dataset, width: 100, height: 30)
            base.language = language
            let town = dataset.towns[3].id
            for (shown, others) in [(13, "2015 2017"), (4, "2016 2017"), (25, "2015 2016")] {
                var s = base
                s.periodIndex = shown
                let lines = s.pageLines(.townPage(town), width: 96)
                let year = dataset.periods[shown].year
                XCTAssertEqual(sectionPeriods(lines, s), dataset.periods.filter { $0.year == year }.map(\.id),
                               "\(language) at \(dataset.periods[shown].id)")
                let text = lines.map { $0.text() }.joined(separator: "\n")
                let expected = s.tr(Catalogue.otherYearsPeriods(others, previous: "[", next: "]"))
                XCTAssertTrue(text.filter { !$0.isWhitespace }.contains(expected.filter { !$0.isWhitespace }),
                              "\(language): the other years named with the period keys:\n\(text)")
                // Every period is still a row of the history, the other years' too.
                for p in dataset.periods {
                    XCTAssertTrue(lines.contains { $0.text().hasPrefix(s.label(p)) }, "\(p.id) in the history")
                }
            }
        }
    }

    /// Read away from the screen (a report, an export, a copy) the page names no key (wave 28's fresh
    /// user: `towns report --town …` ended `按 [ ] 换期间`), and the screen's page, asked again, still does.
    func testAPrintedPageNamesTheOtherYearsWithoutKeys() throws {
        let dir = NSTemporaryDirectory() + "w28-page-printed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 6, months: 26, seed: 5).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        for language in Language.allCases {
            var s = AppState(dataset: dataset, width: 100, height: 30)
            s.language = language
            s.periodIndex = 13
            let town = dataset.towns[2].id
            func text(_ state: AppState) -> String {
                state.pageLines(.townPage(town), width: 96).map { $0.text() }.joined().filter { !$0.isWhitespace }
            }
            let screenText = text(s)
            XCTAssertTrue(screenText.contains(s.tr(Catalogue.otherYearsPeriods("2015 2017", previous: "[", next: "]"))
                .filter { !$0.isWhitespace }), "\(language)")
            let printed = text(s.forPrint)
            XCTAssertTrue(printed.contains(s.tr(Catalogue.otherYearsPeriodsPrinted("2015 2017")).filter { !$0.isWhitespace }),
                          "\(language): \(printed)")
            XCTAssertFalse(printed.contains("[]"), "\(language): no period keys on paper")
            XCTAssertEqual(text(s), screenText, "\(language): the screen's page after the printed one")
        }
    }

    /// The bundled data's three periods are all of 2015: each has its section, and no other year is named.
    func testOneYearsDataListsEveryPeriod() throws {
        for language in Language.allCases {
            var s = try bundledState()
            s.language = language
            let town = s.dataset.towns[0].id
            let lines = s.pageLines(.townPage(town), width: 96)
            XCTAssertEqual(sectionPeriods(lines, s), s.dataset.periods.map(\.id))
            let other = s.tr(Catalogue.otherYearsPeriods("", previous: "[", next: "]")).prefix(4)
            XCTAssertFalse(lines.contains { $0.text().contains(other) }, "\(language)")
        }
    }

}

/// `towns follow` without a name while `weekly 3` and `m7` are open said `weekly 3 m7` (three names?).
final class W28SeveralMeetingsTests: XCTestCase {
    func testSeveralMeetingsAreNamedAsAShellTakesThem() {
        let words = Catalogue.severalMeetingsOpen(["weekly 3", "m7", "周例会"])
        XCTAssertEqual(words.en, "several meetings open, name one: 'weekly 3' m7 周例会")
        XCTAssertEqual(words.zh, "多个会议，请指定名称：'weekly 3' m7 周例会")
    }
}
