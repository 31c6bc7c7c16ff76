import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI
import TownsSynthetic

/// Session 27's fresh user on the overview's headings, rendered as drawn at each size.
final class W34OvHeadingTests: XCTestCase {
    /// F5: the towns behind's heading dropped its `?N` (the towns whose verdict is undecided, part
    /// of the figure) where the panel column is narrow (`657 behin…` at 60x14, 3,000 generated
    /// towns at 2016-06); it gives way on words instead (`657▼ ?1`), its count and `?N` whole.
    func testTheBehindHeadingKeepsItsUndecidedCount() throws {
        let dir = NSTemporaryDirectory() + "w34ov-behind-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 3000, months: 18, seed: 1).write(to: dir, rules: SyntheticDataset.Rules?.none)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        for (w, h) in [(60, 14), (80, 24), (100, 30), (120, 40)] {
            for language in [Language.zh, .en] {
                var s = AppState(dataset: dataset, width: w, height: h)
                s.stack = [Screen(.overview)]
                s.language = language
                s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2016-06" })
                let undecided = s.undecidedTowns().count
                XCTAssertGreaterThan(undecided, 0)
                let lines = screen(s)
                let all = "\(w)x\(h) \(language)\n" + lines.joined(separator: "\n")
                // The heading's count and `?N` whole, in one of its forms.
                let form = try Regex(#"^ (落后 \d+ 镇|落后\d+镇|\d+ behind|\d+▼) \?"# + "\(undecided)( |$)")
                XCTAssertTrue(lines.contains { $0.firstMatch(of: form) != nil }, all)
            }
        }
    }

    /// F6: under a filter the checks heading (`核对（所列1镇及全市行）`) was cut even at 120
    /// columns; where the panel column cannot hold it, `核对` stands over its scope in the figures
    /// column, whole, at 80 and 120 columns, both languages.
    func testTheFilteredChecksHeadingIsWhole() throws {
        for period in ["2015-09", "2015-12"] {
            for (w, h) in [(80, 24), (100, 30), (120, 40)] {
                for (language, full, checks, scope) in [
                    (Language.zh, "核对（所列1镇及全市行）", " 核对 ", "所列1镇及全市行"),
                    (.en, "Checks (1 town, the city's row)", " Checks ", "1 town and the city's row"),
                ] {
                    var s = update(try bundledState(width: w, height: h, period: period), .showView(.overview))
                    s.language = language
                    s = update(s, .runCommand("filter county 海宁市"))
                    let lines = screen(s)
                    let all = "\(period) \(w)x\(h) \(language)\n" + lines.joined(separator: "\n")
                    let heading = try XCTUnwrap(lines.first { $0.hasPrefix(checks.dropLast()) }, all)
                    XCTAssertFalse(heading.contains("…"), all)
                    XCTAssertTrue(heading.contains(full) || (heading.hasPrefix(checks) && heading.contains(scope)), all)
                }
            }
        }
    }
}

/// F11: a filtered overview's term rule read `期限 仅说明 1` where the whole city's reads
/// `期限 ?2 仅说明 3`: the same form now (`期限 ?0 仅说明 1`), the scope beside the heading.
final class W34OvRuleFormTests: XCTestCase {
    func testAFilteredTermLineHasTheWholeCitysFormAndSaysItsScope() throws {
        for (language, whole, listed, heading, scope) in [
            (Language.zh, "期限 ?2 仅说明 3", "期限 ?0 仅说明 1", " 考核", "所列1镇"),
            (.en, "Term ?2 info 3", "Term ?0 info 1", " Assessment", "of the 1 town listed"),
        ] {
            var s = update(try bundledState(width: 100, height: 30, period: "2015-09"), .showView(.overview))
            s.language = language
            let before = screen(s)
            XCTAssertTrue(before.contains { $0.contains(whole) }, before.joined(separator: "\n"))
            XCTAssertFalse(before.contains { $0.hasPrefix(heading) && $0.contains(scope) }, before.joined(separator: "\n"))
            s = update(s, .runCommand("filter county 海宁市"))
            let lines = screen(s)
            let all = lines.joined(separator: "\n")
            XCTAssertTrue(lines.contains { $0.contains(listed) }, all)
            XCTAssertTrue(lines.contains { $0.hasPrefix(heading) && $0.hasSuffix(scope) }, all)
        }
    }
}

/// S: `/` on the overview said "no match" for a town its window folds away (Tongxiang, only in
/// the changes panel, folded at 80x24 and 60x14), found at 200x60: at every size the town is now
/// found, or said to be folded away with where the towns view has it.
final class W34OvSearchTests: XCTestCase {
    func testASearchFindsAFoldedTownAtEverySize() throws {
        for language in [Language.zh, .en] {
            for (w, h) in [(60, 14), (80, 24), (100, 30), (200, 60)] {
                var s = try bundledState(width: w, height: h, period: "2015-09")
                s.stack = [Screen(.overview)]
                s.language = language
                let found = "tongxiang".reduce(apply(s, .startSearch)) { update($0, .searchKey(.char($1))) }
                let all = "\(w)x\(h) \(language) \(found.message ?? "")\n" + screen(found).joined(separator: "\n")
                XCTAssertNotEqual(found.message, found.tr(Catalogue.noMatchFor("tongxiang")), all)
                if found.screen.selected != .townPage("tongxiang") {
                    XCTAssertEqual(found.message, found.tr(Catalogue.overviewMatchFolded(
                        "tongxiang", 1, key: found.keyName(.showView(.townList)))), all)
                }
            }
        }
    }
}

/// Wave 34's second fresh user: the creation term, which `Assessment` only informs about (never met
/// or not), read `期限 ✓0 ✗0 ?1` under `:filter type 2` or `type 3`, the form of a rule judged, where
/// the whole city reads `期限 ?2 仅说明 3`. It keeps the informing form whatever the filter.
final class W34TermRuleFormTests: XCTestCase {
    func testTheTermKeepsItsFormUnderEveryTypeFilter() throws {
        for (language, term) in [(Language.zh, "期限"), (.en, "Term")] {
            for filter in ["", "filter type 1", "filter type 2", "filter type 3", "filter type 4"] {
                var s = update(try bundledState(width: 100, height: 40, period: "2015-09"), .showView(.overview))
                s.language = language
                if !filter.isEmpty { s = update(s, .runCommand(filter)) }
                let lines = screen(s)
                let line = try XCTUnwrap(lines.first { $0.contains(term + " ?") || $0.contains(term + " ✓") },
                                         "\(filter)\n" + lines.joined(separator: "\n"))
                XCTAssertFalse(line.contains(term + " ✓"), "\(filter): \(line)")
                XCTAssertNotNil(line.range(of: term + " \\?[0-9]+ (仅说明|info) [0-9]+", options: .regularExpression),
                                "\(filter): \(line)")
            }
        }
    }
}
