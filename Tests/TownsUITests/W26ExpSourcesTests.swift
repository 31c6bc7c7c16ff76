import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// Wave 25's second fresh user, G6 and G7: an export's sources cite the earlier period's figures
/// its Δ columns rest on (Tongxiang's `Δ完成率 ≈+20.7` on Jan-Aug's 72%, the city's `Δ完成 ≈+12.56`
/// on Jan-Aug's 32.5), in every format, and nothing its rows do not show; the changes view's export
/// names its pair of periods in the before and after columns' titles and in its file name.
final class W26ExpSourcesTests: XCTestCase {
    func command(_ state: AppState, _ text: String) -> AppState {
        let s = text.reduce(handle(state, .char(":"))) { handle($0, .char($1)) }
        return step(s, route(.enter, in: s)).state
    }

    /// The bundled data at `period` in `view` and `language`.
    func bundled(_ view: Screen.Kind, _ period: String, _ language: Language = .zh) throws -> AppState {
        var s = try bundledState(width: 120, height: 40, period: period)
        s.language = language
        s.stack = [Screen(view)]
        return s
    }

    /// The file:lines an export's sources cite, as `file:line` strings ("figures.toml:96"), read from
    /// each format's sources (CSV: its `.meta.txt`; text and Markdown: the lines under the sources'
    /// title; JSON: its `sources`), each format's set checked equal to the others'.
    func cited(_ s: AppState, file: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
        // Every `FILE.toml:N,N,...` in the sources' lines (a source's files are `; `-separated, as
        // the clipboard's sources are among themselves).
        func places(_ sources: [String]) -> Set<String> {
            let pattern = try! NSRegularExpression(pattern: "([A-Za-z0-9_./-]+\\.toml):([0-9]+(?:,[0-9]+)*)")
            var out: Set<String> = []
            for source in sources {
                let ns = source as NSString
                for m in pattern.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
                    let file = ns.substring(with: m.range(at: 1))
                    for n in ns.substring(with: m.range(at: 2)).components(separatedBy: ",") { out.insert(file + ":" + n) }
                }
            }
            return out
        }
        let title = s.tr(Catalogue.exportSourcesTitle)
        func under(_ text: String, _ heading: String) -> [String] {
            Array(text.components(separatedBy: "\n").drop { $0 != heading }.dropFirst())
        }
        let meta = try XCTUnwrap(try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode)).meta)
        let fromMeta = places(under(meta, title))
        let text = places(under(try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text, title))
        let md = places(under(try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text, "**\(title)**"))
        let json = try XCTUnwrap(s.exportOutput(.json, glyphs: .unicode)).text
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let fromJSON = places(object["sources"] as? [String] ?? [])
        let copied = try XCTUnwrap(ClipboardText.of(s)).text.components(separatedBy: "\n")
        let yLine = try XCTUnwrap(copied.first { $0.hasPrefix(title) }, file: file, line: line)
        let fromY = places([yLine])
        XCTAssertFalse(fromMeta.isEmpty, meta, file: file, line: line)
        for (name, other) in [("text", text), ("md", md), ("json", fromJSON), ("y", fromY)] {
            XCTAssertEqual(other, fromMeta, "\(name) cites other lines than the CSV's meta", file: file, line: line)
        }
        return fromMeta
    }

    func townLine(_ s: AppState, _ town: String, _ key: FigureKey) throws -> String {
        let t = try XCTUnwrap(s.dataset.town(town))
        return "figures.toml:" + String(try XCTUnwrap(t.figures[key]?.origin?.line, "\(town) \(key)"))
    }

    func totalLine(_ s: AppState, _ key: FigureKey) throws -> String {
        "totals.toml:" + String(try XCTUnwrap(s.dataset.totals[key]?.origin?.line, "\(key)"))
    }

    /// G6: at Jan-Sep the towns view shows Tongxiang's Δ完成率 ≈+20.7 (92.7% − Jan-Aug's 72%) and the
    /// city's Δ完成 ≈+12.56 (45.06 − Jan-Aug's 32.5): the sources cite Jan-Aug's 72% and the city's
    /// Jan-Aug amount and rate, in every format and in both languages (main cited neither).
    func testTheTownsViewCitesTheEarlierFiguresOfItsDeltas() throws {
        for language in Language.allCases {
            let s = try bundled(.townList, "2015-09", language)
            let lines = try cited(s)
            XCTAssertTrue(lines.contains(try townLine(s, "tongxiang", FigureKey(.completionRate, "2015-08"))),
                          "\(language): Tongxiang's 72% behind ≈+20.7: \(lines.sorted())")
            XCTAssertTrue(lines.contains(try totalLine(s, FigureKey(.completed, "2015-08"))),
                          "\(language): the city's 32.5 behind ≈+12.56: \(lines.sorted())")
            XCTAssertTrue(lines.contains(try totalLine(s, FigureKey(.completionRate, "2015-08"))),
                          "\(language): the city's Jan-Aug rate behind its Δ完成率: \(lines.sorted())")
            // The later figures stay cited.
            XCTAssertTrue(lines.contains(try townLine(s, "tongxiang", FigureKey(.completionRate, "2015-09"))))
        }
    }

    /// G6: the overview's changes panel lists the same Δs: its export cites the same earlier figures.
    func testTheOverviewCitesTheEarlierFiguresOfItsChanges() throws {
        let s = try bundled(.overview, "2015-09")
        let lines = try cited(s)
        XCTAssertTrue(lines.contains(try townLine(s, "tongxiang", FigureKey(.completionRate, "2015-08"))), "\(lines.sorted())")
        XCTAssertTrue(lines.contains(try totalLine(s, FigureKey(.completed, "2015-08"))), "\(lines.sorted())")
    }

    /// Nothing that is not shown: a filter that leaves Tongxiang and the city's row out cites neither's
    /// Jan-Aug figures; the year's first period (no Δ) cites no other period's figures.
    func testOnlyTheDeltasShownAreCited() throws {
        var s = try bundled(.townList, "2015-09")
        s = command(s, "filter county 海宁市")
        XCTAssertFalse(s.filter.isEmpty, "the filter applies")
        let lines = try cited(s)
        XCTAssertFalse(lines.contains(try townLine(s, "tongxiang", FigureKey(.completionRate, "2015-08"))), "\(lines.sorted())")
        XCTAssertFalse(lines.contains(try totalLine(s, FigureKey(.completed, "2015-08"))), "\(lines.sorted())")
        let first = try bundled(.townList, "2015-08")
        let firstLines = try cited(first)
        XCTAssertFalse(firstLines.contains(try townLine(first, "tongxiang", FigureKey(.completionRate, "2015-09"))))
    }

    /// G6 on the fresh user's D2: Haiyan's Jan-Oct rate 19% alone gives `Δ完成率 ≈-1.7!`, resting on
    /// Jan-Sep's 20.7% (the line `towns check`'s finding names): cited.
    func testAFlaggedDeltaCitesTheEarlierRateItsCheckNames() throws {
        let dir = try bundledCopy("w26-exp-haiyan", monthly: [
            "2015-10.toml": october2015Month(sourceTitle: "月报 2015-10",
                                             figures: [("haiyan", "completion_rate", "19", "line 2")])])
        let dataset = try DatasetLoader.load(directory: dir).dataset
        var s = AppState(dataset: dataset, width: 120, height: 40)
        s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
        s.stack = [Screen(.townList)]
        let lines = try cited(s)
        XCTAssertTrue(lines.contains(try townLine(s, "haiyan", FigureKey(.completionRate, "2015-09"))), "\(lines.sorted())")
    }

    /// G6: the changes view cites each row's two figures, before and after, and no figure it does not
    /// show (main cited the towns' plans and projects, and no town's earlier figure).
    func testTheChangesViewCitesExactlyItsRowsFigures() throws {
        var s = try bundled(.changes, "2015-12")
        s.session.changesFrom = "2015-08"
        let lines = try cited(s)
        let content = try XCTUnwrap(s.content(for: s.screen))
        let items = Changes(s.metrics, from: try XCTUnwrap(s.dataset.period("2015-08")), to: try XCTUnwrap(s.period)).items
        XCTAssertEqual(items.count, content.rows.count)
        var expected: Set<String> = []
        for item in items {
            for f in [item.before, item.after].compactMap({ $0 }) {
                if case .reported = f.provenance, let o = f.origin { expected.insert("\(s.dataset.dataPath(o.file)):\(o.line)") }
            }
        }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(lines, expected)
        XCTAssertTrue(lines.contains(try townLine(s, "tongxiang", FigureKey(.completionRate, "2015-08"))), "\(lines.sorted())")
        XCTAssertFalse(lines.contains(try townLine(s, "tongxiang", FigureKey(.planTotal))), "no plan is shown")
    }

    /// G7: the before and after columns' titles name the pair of periods in every export of the list
    /// (CSV, Markdown, JSON, `y`), so two pairs give two headers; the screen keeps its short titles.
    func testTheChangesColumnsNameTheirPeriods() throws {
        for language in Language.allCases {
            var s = try bundled(.changes, "2015-12", language)
            s.session.changesFrom = "2015-08"
            let csv = try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode)).text
            let header = try XCTUnwrap(csv.components(separatedBy: "\r\n").first).components(separatedBy: ",")
            let (before, after) = language == .zh
                ? ("之前（2015年1-8月）", "之后（2015年全年）") : ("Before (2015 Jan-Aug)", "Now (2015 full year)")
            XCTAssertEqual(header[3], before, "\(header)")
            XCTAssertEqual(header[4], after, "\(header)")
            XCTAssertTrue(try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text.contains("| \(before) | \(after) |"))
            let json = try XCTUnwrap(s.exportOutput(.json, glyphs: .unicode)).text
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let columns = try XCTUnwrap(object["columns"] as? [String])
            XCTAssertEqual(Array(columns[3...4]), [before, after])
            XCTAssertTrue(try XCTUnwrap(ClipboardText.of(s)).text.contains("\t\(before)\t\(after)\t"))
            XCTAssertEqual(s.exportPeriodPart, "2015-08-to-2015-12")
            // The default pair: another header, another file name.
            s.session.changesFrom = nil
            let other = try XCTUnwrap(try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode)).text
                .components(separatedBy: "\r\n").first).components(separatedBy: ",")
            XCTAssertEqual(other[3], language == .zh ? "之前（2015年1-9月）" : "Before (2015 Jan-Sep)")
            XCTAssertEqual(s.exportPeriodPart, "2015-09-to-2015-12")
            let shown = screen(s).joined(separator: "\n")
            XCTAssertFalse(shown.contains(before), shown)
        }
        // Another view's file name keeps the period shown alone.
        XCTAssertEqual(try bundled(.townList, "2015-12").exportPeriodPart, "2015-12")
    }
}
