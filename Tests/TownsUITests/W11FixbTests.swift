import Foundation
import TownsCore
import TownsSynthetic
@testable import TownsUI
import TownsTestSupport
import XCTest

/// Wave 11 (w11-fixb): a fresh user's and helpers' findings on screens and commands.
final class W11FixbTests: XCTestCase {
    /// At 60x14 the assessment hid exactly the land reward and deduction columns (what is at
    /// stake); the other rules' columns give way first.
    func testNarrowAssessmentKeepsTheStakesColumns() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 60, height: 14)
            s.language = language
            s = update(s, .showView(.assessment))
            let stakes = s.dataset.rules.filter(AppState.statesStake)
            XCTAssertEqual(stakes.count, 2, "the bundled rules state two consequences")
            let header = screen(s)[3]
            for rule in stakes {
                let title = language == .zh ? rule.shortZH : AppState.ruleShortEN(rule)
                XCTAssertTrue(header.contains(title), "\(language): \(title) shown: \(header)")
            }
            let content = try XCTUnwrap(s.listContent(.assessment))
            let dropped = content.columns.filter { column in
                !header.contains(column.title)
            }
            XCTAssertFalse(dropped.isEmpty, "\(language): some columns gave way at 60 (\(header))")
        }
    }

    /// The types view at 100 columns drew `… 另 2 个` with no name before it: a list of which not
    /// one name fits says how many in all, without the `…`.
    func testAListCutToNothingSaysHowManyWithoutADanglingCut() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 100, height: 30)
            s.language = language
            s = update(s, .showView(.typeList))
            let lines = screen(s)
            let dangling = s.tr(Catalogue.andMore("2"))
            XCTAssertFalse(lines.contains { $0.contains(" " + dangling) },
                           "\(language): \(lines.joined(separator: "\n"))")
            // Wave 20: the first name, cut, before the count of the rest (not `共 2 个`, no name).
            let first = language == .zh ? "海宁" : "Hainin"
            XCTAssertTrue(lines.contains { $0.hasSuffix(s.tr(Catalogue.andMore("1"))) && $0.contains("▼ " + first) },
                          "\(language): the first town named: \(lines.joined(separator: "\n"))")
            // A note's list (the assessment's stakes) too.
            let list = s.nameList([0, 1], width: 4)
            XCTAssertFalse(list.hasPrefix("…"), list)
            XCTAssertEqual(list, s.tr(Catalogue.namesCount("2")))
        }
    }

    /// The assessment's notes page said "on the last row: these notes in full" of itself.
    func testTheNotesPageDoesNotOfferToOpenItself() throws {
        for language in [Language.zh, .en] {
            var s = try bundledState(width: 100, height: 30)
            s.language = language
            s = update(s, .showView(.assessment))
            let hint = s.tr(Catalogue.assessmentEnterHint)
            let tableNotes = s.assessmentTable().notes.map { $0.text(.unicode) }.joined()
            XCTAssertTrue(tableNotes.contains(hint), "the table's notes say where Enter leads")
            let page = s.assessmentNotesPage(width: 1000).map { $0.text() }.joined(separator: "\n")
            XCTAssertFalse(page.contains(hint), "\(language): \(page)")
            XCTAssertFalse(page.isEmpty)
        }
    }

    /// A follower opened its message log (`M`) and Esc was refused: it closes what it opened.
    func testAFollowerClosesItsMessageLog() throws {
        var s = try bundledState(width: 80, height: 24, period: "2015-09")
        s = update(s, .meeting(.joined(meeting: "weekly", presenter: "alice")))
        XCTAssertTrue(s.isFollowingPresenter)
        let before = s.stack.map(\.kind)
        s = update(s, .showMessages)
        XCTAssertEqual(s.screen.kind, .messages)
        s = update(s, .back)
        XCTAssertEqual(s.stack.map(\.kind), before, "Esc closed the log: \(s.message ?? "")")
        // Still refused where the presenter drives.
        s = update(s, .back)
        XCTAssertEqual(s.message, s.tr(Catalogue.presenterDrives(s.keyName(.meeting(.toggleFollow)))))
    }

    /// `:town` Tab completion offers the city's name (its totals page opens with `:town jiaxing`).
    func testTownCompletionOffersTheCity() throws {
        var s = try bundledState()
        s = apply(s, .startCommand)
        for ch in "town jia" { s = commandKey(s, .char(ch)) }
        s = commandKey(s, .tab)
        XCTAssertEqual(s.commandLine?.text, "town " + s.dataset.regionEN.lowercased())
        let candidates = Commands.candidates(s, words: ["town", ""])
        XCTAssertTrue(candidates.contains(s.dataset.regionZH), "\(candidates.prefix(5))")
        let opened = runCommand(s, "town " + s.dataset.regionEN.lowercased())
        XCTAssertEqual(opened.screen.kind, .cityTotals)
    }

    /// `towns report --filter`'s work: as `:filter`, or what is wrong with it.
    func testApplyingAFilterAsTheCommandDoes() throws {
        let s = try bundledState()
        let county = try XCTUnwrap(s.dataset.towns.first?.countyZH)
        let (filtered, failure) = s.applyingFilter("county " + county)
        XCTAssertNil(failure)
        XCTAssertEqual(filtered.filter.county, county)
        XCTAssertLessThan(filtered.filtered(Array(s.dataset.towns.indices)).count, s.dataset.towns.count)
        let (same, wrong) = s.applyingFilter("colour red")
        XCTAssertNotNil(wrong)
        XCTAssertEqual(same.filter, s.filter)
    }

    /// A long towns list left no line under its sums for the note saying which figures the sums
    /// leave out (exports have it): lines are kept for it; the last row and the sums still show.
    func testALongTownsListKeepsItsLeftOutNote() throws {
        let dir = NSTemporaryDirectory() + "w11-fixb-long-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 200, months: 14, seed: 1).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        for language in [Language.zh, .en] {
            var s = AppState(dataset: dataset, width: 100, height: 24)
            s.language = language
            s.stack = [Screen(.townList)]
            let content = try XCTUnwrap(s.listContent(.townList))
            let note = try XCTUnwrap(content.notes.first {
                $0.text(.unicode).contains(language == .zh ? "未计入" : "left out")
            })
            XCTAssertGreaterThan(content.rows.count, Renderer.visibleRows(s), "the list is longer than the screen")
            let first = try XCTUnwrap(TextWrap.wrapAtWords(note.text(.unicode), width: 98).first)
            let lines = screen(s)
            XCTAssertTrue(lines.contains { $0.contains(first) }, "\(language): \(lines.joined(separator: "\n"))")
            let inTheSums = s.tr(Catalogue.townsInTheSums).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(lines.contains { $0.contains(inTheSums) }, "the sums' rows stay")
            s = update(s, .last)
            let end = screen(s)
            XCTAssertTrue(end[2].contains("/\(content.rows.count)"), end[2])
            XCTAssertTrue(end.contains { $0.contains(first) }, "\(language) at the end: \(end.joined(separator: "\n"))")
        }
        // At 60x14 the rows keep their lines (`Renderer.rowsBeforeNotes`).
        var small = AppState(dataset: dataset, width: 60, height: 14)
        small.stack = [Screen(.townList)]
        XCTAssertEqual(Renderer.notesReserved(small, small.listContent(.townList)), 0)
    }

    /// The changes view's source column cut an import's file name ("line 3 月报 monthly sheet …"):
    /// the screen names the sheet's file; exports and `y` the whole title, its date too.
    func testTheChangesSourceNamesTheImportedFile() throws {
        let title = "月报 monthly sheet 2015-10: jiaxing-2015-october-sheet.csv, imported 2016-01-15 00:00"
        let dir = try bundledCopy("w11-fixb-changes", monthly: [
            "2015-10.toml": october2015Month(sourceTitle: title,
                                             figures: [("haining", "completed", "15.21", "line 3")])])
        let dataset = try DatasetLoader.load(directory: dir).dataset
        for language in [Language.zh, .en] {
            var s = AppState(dataset: dataset, width: 100, height: 30)
            s.language = language
            s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
            s.stack = [Screen(.changes)]
            let lines = screen(s)
            // The name's both ends shown (the month and the extension).
            // (Wave 20: whole where the column has room, else cut in the middle where it is drawn.)
            XCTAssertTrue(lines.contains { $0.contains("line 3") && $0.hasSuffix("-sheet.csv") },
                          "\(language): \(lines.joined(separator: "\n"))")
            let copied = try XCTUnwrap(ClipboardText.of(s)).text
            XCTAssertTrue(copied.contains("line 3 " + title), copied)
        }
    }
}
