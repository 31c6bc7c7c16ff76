import TownsCore
@testable import TownsUI
import XCTest

/// Wave 42's fresh user: with the behind filter on, `[` and `]` said only the filter's new count
/// (`filter: behind schedule — 0 towns`), neither the period reached nor its wrap round.
final class W42PeriodWithFilterTests: XCTestCase {
    func testAPeriodChangeUnderAFilterSaysThePeriodAndTheCount() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 100, height: 30)
            s.language = language
            s = apply(s, .showView(.townList), .toggleBehindFilter)
            XCTAssertFalse(s.filter.isEmpty)
            let zh = language == .zh
            // Back from the first period: it wraps to the last, and says so, then the filter's count.
            s.periodIndex = 0
            s = apply(s, .previousPeriod)
            let last = try XCTUnwrap(s.dataset.periods.last)
            XCTAssertEqual(s.period?.id, last.id)
            let message = try XCTUnwrap(s.message)
            XCTAssertTrue(message.contains(zh ? last.labelZH : last.labelEN), message)
            XCTAssertTrue(message.contains(s.tr(Catalogue.wrappedToTheLast)), message)
            XCTAssertTrue(message.contains(s.tr(Catalogue.filter) + ": "), message)
            XCTAssertTrue(message.contains(zh ? "；" : "; "), message)
            // Without the filter the period alone, as before.
            s = apply(s, .clearFilter, .nextPeriod)
            XCTAssertFalse(try XCTUnwrap(s.message).contains(s.tr(Catalogue.filter) + ": "), s.message ?? "")
        }
    }
}

/// Wave 42's fresh user: with a completed amount worked out from the rate and the plan (99.5% x
/// 28.19 = 28.049, written `≈28.0`), the page's lines worked from it used 28.049 but named `≈28.0`
/// (`应完成 21.14 − 已完成 ≈28.0 = -6.91`, which is -6.86 as printed). They name the digits they
/// used, as they name a derived plan's (`≈15.0（未取整 14.98）`).
final class W42ProgressFormulaUnroundedTests: XCTestCase {
    func testLinesWorkedFromADerivedCompletedAmountNameTheDigitsUsed() throws {
        let dir = try bundledCopy("w42-unrounded")
        let path = dir + "/figures.toml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let rate = """
            town = "haiyan"
            measure = "completion_rate"
            period = "2015-09"
            value = 20.7
            """
        XCTAssertTrue(text.contains(rate))
        text = text.replacingOccurrences(of: rate, with: rate.replacingOccurrences(of: "20.7", with: "99.5"))
        text += "\n[[figure]]\ntown = \"haiyan\"\nmeasure = \"plan_year\"\nperiod = \"2015\"\nvalue = 28.19\n"
            + "source = \"paper\"\nat = \"二(三)\"\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        for language in Language.allCases {
            var s = AppState(dataset: dataset, width: 120, height: 40)
            s.language = language
            s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-09" })
            let lines = s.pageLines(.townPage("haiyan"), width: 118).map { $0.text() }
            let zh = language == .zh
            // The amount itself, rounded once.
            XCTAssertTrue(lines.contains { $0.contains("≈28.0") && $0.contains("28.049") }, lines.joined(separator: "\n"))
            let named = zh ? "已完成 ≈28.0（未取整 28.05）" : "completed ≈28.0 (28.05 unrounded)"
            let worked = lines.filter { $0.contains(zh ? "已完成 ≈28.0" : "completed ≈28.0") }
            XCTAssertGreaterThanOrEqual(worked.count, 2, lines.joined(separator: "\n"))
            for line in worked { XCTAssertTrue(line.contains(named), line) }
            // As printed, the shortfall adds up: 21.14 − 28.05 = −6.91.
            XCTAssertTrue(lines.contains { $0.contains(zh ? "应完成 21.14 − \(named) = -6.91" : "expected 21.14 − \(named) = -6.91") },
                          lines.joined(separator: "\n"))
        }
    }
}

/// Wave 42's fresh user: `&hai` under `b` at the full year read `没有匹配「hai」` beside Haining
/// and Haiyan, where the filter had left no town (none can be judged behind then). The list the
/// filter empties says so, narrowed or not; a query that matches nothing in a list with rows
/// still says it matched nothing.
final class W42FilterEmptiedTests: XCTestCase {
    func testAListTheFilterEmptiedSaysSoEvenNarrowed() throws {
        for language in Language.allCases {
            var s = try bundledState(period: "2015-12")
            s.language = language
            s = apply(s, .toggleBehindFilter)
            let filtered = try XCTUnwrap(s.content(for: s.screen))
            XCTAssertEqual(filtered.rows.count, 0)
            let said = s.tr(Catalogue.noTownsLeftByTheFilter(s.keyName(.clearFilter)))
            XCTAssertEqual(filtered.emptyText, said)
            XCTAssertTrue(said.contains("c"), said)
            s = apply(s, .startNarrowing, .searchKey(.char("h")), .searchKey(.char("a")), .searchKey(.char("i")))
            XCTAssertEqual(s.screen.narrow, "hai")
            let narrowed = try XCTUnwrap(s.content(for: s.screen))
            XCTAssertEqual(narrowed.rows.count, 0)
            XCTAssertEqual(narrowed.emptyText, said, "the filter, not the query, emptied it")
            XCTAssertTrue(screen(s).contains { $0.contains(said) }, screen(s).joined(separator: "\n"))
            // Without the filter the same query keeps Haining and Haiyan; one that matches nothing says so.
            var all = try bundledState(period: "2015-12")
            all.language = language
            all = apply(all, .startNarrowing, .searchKey(.char("z")), .searchKey(.char("z")), .searchKey(.char("z")))
            XCTAssertEqual(try XCTUnwrap(all.content(for: all.screen)).emptyText, all.tr(Catalogue.noMatchFor("zzz")))
        }
    }
}
