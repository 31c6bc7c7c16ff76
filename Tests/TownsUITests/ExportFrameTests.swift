import Foundation
import TownsCore
import XCTest

@testable import TownsUI

/// Issue 15 point 6: exports that stand alone. Text and Markdown open with the title, dataset,
/// period, unit, filter and sort and end with the legend of the markers used (only those) and
/// the sources cited; CSV is the header row and the table, its frame in a file of its own; a
/// town's page exports too; with `--ascii` unknown is never written `-`.
final class ExportFrameTests: XCTestCase {
    func command(_ state: AppState, _ text: String) -> (state: AppState, effects: [Effect]) {
        let s = text.reduce(handle(state, .char(":"))) { handle($0, .char($1)) }
        return step(s, route(.enter, in: s))
    }

    func testTextAndMarkdownOpenWithTitleDatasetPeriodUnitFilterAndSort() throws {
        var s = command(try bundledState(period: "2015-09"), "filter behind").state
        s = command(s, "sort 完成率 desc").state
        let text = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text.components(separatedBy: "\n")
        XCTAssertEqual(Array(text.prefix(6)), [
            "小镇 — 2015年1-9月",
            "数据集：嘉兴市首批省级特色小镇（2015）",
            "期间：2015年1-9月 (2015-09)",
            "单位：亿元",
            "筛选：落后",
            "排序：完成率 从大到小",
        ])
        let md = try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text.components(separatedBy: "\n")
        XCTAssertEqual(md[0], "**小镇 — 2015年1-9月**")
        XCTAssertEqual(Array(md[2...6]), text[1...5].map { "- " + $0 })
        // English, with the data's order and no filter.
        let en = apply(try bundledState(period: "2015-08"), .toggleLanguage)
        let enText = try XCTUnwrap(en.exportOutput(.text, glyphs: .unicode)).text.components(separatedBy: "\n")
        XCTAssertEqual(enText[0], "Towns — 2015 Jan-Aug")
        XCTAssertEqual(Array(enText[2...5]), [
            "Period: 2015 Jan-Aug (2015-08)", "Unit: 亿元 (100M yuan)", "Filter: none (all)", "Sort: the data's order",
        ])
        // JSON holds the same lines as fields.
        let json = try XCTUnwrap(s.exportOutput(.json, glyphs: .unicode)).text
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["title"] as? String, text[0])
        XCTAssertEqual(object["heading"] as? [String], Array(text[1...5]))
        XCTAssertFalse((object["sources"] as? [String] ?? []).isEmpty)
    }

    func testCSVIsTheHeaderAndTheTableAndItsFrameGoesBesideIt() throws {
        let s = command(try bundledState(period: "2015-09"), "filter county 海宁市").state
        let out = try XCTUnwrap(s.exportOutput(.csv, glyphs: .unicode))
        let lines = out.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "小镇,县市区,类型,年计划（亿元）,完成（亿元）,完成率,进度差（百分点）,项目,开工率,Δ完成（亿元）,Δ完成率（百分点）,名次")
        let content = try XCTUnwrap(s.content(for: s.screen))
        XCTAssertEqual(lines.count, 1 + content.rows.count + content.summary.count, out.text)
        let meta = try XCTUnwrap(out.meta).components(separatedBy: "\n")
        XCTAssertEqual(meta[0], "小镇 — 2015年1-9月")
        XCTAssertEqual(meta[4], "筛选：县 海宁市")
        XCTAssertTrue(meta.contains("标记："), out.meta!)
        XCTAssertTrue(meta.contains("来源："), out.meta!)
        XCTAssertNil(try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).meta, "Markdown holds its frame itself")
    }

    /// Every view and form: a marker is in the legend exactly when the exported table uses it.
    func testTheLegendListsTheMarkersUsedAndOnlyThose() throws {
        let views: [Screen.Kind] = [
            .overview, .townList, .typeList, .entityList, .assessment, .province, .reference, .changes,
        ]
        var seen: Set<String> = []
        for period in ["2015-08", "2015-09", "2015-12"] {
            for kind in views {
                var s = try bundledState(period: period)
                s.stack = [Screen(kind)]
                guard let out = s.exportOutput(.md, glyphs: .unicode) else { continue }
                let lines = out.text.components(separatedBy: "\n")
                // The table and the notes under it; the legend's lines.
                let body = lines.drop { !$0.hasPrefix("| ") }.prefix { $0 != "**标记：**" && $0 != "**来源：**" }
                // (Less the assessment's own legend line, which explains ✓ ✗ ? rather than uses them.)
                let table = body.filter { !($0.contains("✓") && $0.contains("✗") && $0.contains("? ")) }
                    .joined(separator: "\n")
                let legend = lines.drop { $0 != "**标记：**" }.prefix { $0 != "**来源：**" }.filter { $0.hasPrefix("- ") }
                for marker in ExportMarker.allCases where marker != .expected {
                    let g = marker == .bound ? ">" : marker.glyph(.unicode)
                    let listed = legend.contains { $0.hasPrefix("- " + marker.glyph(.unicode) + " ") }
                    // `?` and `!` only as a cell's own marker, not inside a name.
                    let used: Bool
                    func has(_ pattern: String) -> Bool { table.range(of: pattern, options: .regularExpression) != nil }
                    switch marker {
                    case .check: used = has("[0-9%]!")
                    case .unknown: used = has("(\\| —[ /|]|/—|—/)")
                    // (Also after a figure: a plan from a later period, `≈15.0?`, wave 26.)
                    case .undetermined: used = has("(\\| \\? \\||\\?[0-9]|[0-9%]\\?)")
                    default: used = table.contains(g)
                    }
                    XCTAssertEqual(
                        listed, used, "\(kind) \(period): \(marker) used \(used), listed \(listed)\n\(out.text)")
                    if listed { seen.insert("\(marker)") }
                }
            }
        }
        // The bundled data uses most markers somewhere: the test saw them listed.
        for m in [
            "derived", "interpreted", "basis", "unknown", "bound", "check", "behind", "met", "undetermined",
            "newSince",
        ] {
            XCTAssertTrue(seen.contains(m), "\(m) never listed: \(seen.sorted())")
        }
        // The text form draws bars, so it explains their expected-by-now mark; Markdown has no bars.
        let s = try bundledState(period: "2015-09")
        XCTAssertTrue(try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text.contains("│  应完成"))
        XCTAssertFalse(try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text.contains("│  应完成"))
    }

    /// The sources name each document and the file:line of the figures the rows show, and of
    /// no town's the filter leaves out.
    func testTheSourcesCiteTheFiguresOfTheRowsShown() throws {
        let s = command(try bundledState(period: "2015-09"), "filter county 海宁市").state
        let text = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text
        let sources = text.components(separatedBy: "\n").drop { $0 != "来源：" }.dropFirst()
        let paper = try XCTUnwrap(sources.first { $0.hasPrefix("paper: ") }, text)
        XCTAssertTrue(paper.contains("浙江省特色小镇建设的现状与对策研究"), paper)
        func line(_ town: String, _ key: FigureKey) throws -> String {
            let t = try XCTUnwrap(s.dataset.towns.first { $0.id == town })
            return String(try XCTUnwrap(t.figures[key]?.origin?.line))
        }
        let cited = paper.components(separatedBy: "figures.toml:").last!.components(separatedBy: ";")[0]
            .components(separatedBy: ",")
        // Haining's completed and rate for Jan-Sep, and the Jan-Aug pair its plan is derived from.
        for key in [FigureKey(.completed, "2015-09"), FigureKey(.completionRate, "2015-09"),
                    FigureKey(.completed, "2015-08"), FigureKey(.completionRate, "2015-08")] {
            XCTAssertTrue(cited.contains(try line("haining", key)), "\(key) of haining not cited: \(paper)")
        }
        XCTAssertFalse(cited.contains(try line("tongxiang", FigureKey(.completionRate, "2015-09"))),
                       "Tongxiang is filtered out: \(paper)")
        // A filtered list has no row of the city's totals, so cites none; the whole list does.
        XCTAssertFalse(paper.contains("totals.toml:"), "no city row under a filter: \(paper)")
        let whole = try XCTUnwrap(try bundledState(period: "2015-09").exportOutput(.text, glyphs: .unicode)).text
        let totals = try XCTUnwrap(s.dataset.totals[FigureKey(.completed, "2015-09")]?.origin?.line)
        XCTAssertTrue(whole.contains("totals.toml:") && whole.contains(",\(totals),"), "the city's 45.06: \(whole)")
        XCTAssertTrue(sources.contains { $0.hasPrefix("推算值") }, "where derived figures' formulas are")
    }

    /// With the ASCII glyphs an export never writes a lone `-` for unknown (spreadsheets read
    /// it as zero): `NA`, in every form and view, and the legend says so.
    func testASCIIExportsNeverWriteUnknownAsADash() throws {
        let views: [Screen.Kind] = [.overview, .townList, .typeList, .entityList, .assessment, .province]
        for kind in views {
            var s = try bundledState(period: "2015-09")
            s.stack = [Screen(kind)]
            for format in ExportRequest.Format.allCases {
                let out = try XCTUnwrap(s.exportOutput(format, glyphs: .ascii), "\(kind) \(format)")
                let cells: [String]
                switch format {
                case .csv: cells = out.text.components(separatedBy: "\r\n").flatMap { $0.components(separatedBy: ",") }
                case .md: cells = out.text.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }
                    .flatMap { $0.components(separatedBy: "|") }.map { $0.trimmingCharacters(in: .whitespaces) }
                case .json, .text: cells = out.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\"" })
                    .map(String.init)
                }
                for c in cells {
                    let bare = c.hasPrefix("'") ? String(c.dropFirst()) : c
                    XCTAssertFalse(bare == "-" || bare.hasPrefix("-/") || bare.hasSuffix("/-") || bare == "-,",
                                   "\(kind) \(format): unknown written as '\(c)'\n\(out.text)")
                }
            }
        }
        let s = try bundledState(period: "2015-09")
        let csv = try XCTUnwrap(s.exportOutput(.csv, glyphs: .ascii))
        XCTAssertTrue(csv.text.contains("桐乡毛衫时尚小镇,桐乡市,1,NA,NA,92.7%"), csv.text)
        XCTAssertTrue(try XCTUnwrap(csv.meta).contains("NA  未知"), csv.meta!)
    }

    /// `e` on a town's page writes the page as text; `:export md` as Markdown; CSV is refused
    /// with the forms a page takes.
    func testATownsPageExports() throws {
        var s = try bundledState(period: "2015-09")
        s = command(s, "town haining").state
        XCTAssertEqual(s.screen.kind, .townPage("haining"))
        XCTAssertEqual(step(s, .export).effects, [.export(ExportRequest(format: .text, path: nil))])
        XCTAssertEqual(command(s, "export md minutes.md").effects,
                       [.export(ExportRequest(format: .md, path: "minutes.md"))])
        let refused = command(s, "export csv x.csv")
        XCTAssertEqual(refused.effects, [])
        XCTAssertEqual(refused.state.message, "页面不能导出为 CSV：用 :export text、md 或 json")
        XCTAssertNil(s.exportOutput(.csv, glyphs: .unicode))
        let text = try XCTUnwrap(s.exportOutput(.text, glyphs: .unicode)).text.components(separatedBy: "\n")
        XCTAssertEqual(text[0], "海宁皮革时尚小镇 — 2015年1-9月")
        XCTAssertEqual(text[3], "单位：亿元")
        XCTAssertTrue(text.contains { $0.contains("13.56 亿元") && $0.contains("报告：paper") }, "\(text)")
        // The line of the 13.56 in figures.toml, as the loader read it.
        let line = try XCTUnwrap(s.dataset.town("haining")?.figures[FigureKey(.completed, "2015-09")]?.origin?.line)
        XCTAssertTrue(text.contains { $0.hasSuffix("数据出处 figures.toml:\(line)") }, "\(text)")
        XCTAssertFalse(text.contains { $0.contains("^J") }, "a note's line breaks are lines, not ^J: \(text)")
        XCTAssertTrue(text.contains("来源"), "the page's own sources")
        let legend = text.drop { $0 != "标记：" }
        for m in ["≈", ">N", "—", "◇", "→"] {
            XCTAssertTrue(legend.contains { $0.hasPrefix(m + " ") }, "\(m) not in \(Array(legend))")
        }
        XCTAssertFalse(legend.contains { $0.hasPrefix("† ") }, "Haining has no interpreted figure: \(Array(legend))")
        let md = try XCTUnwrap(s.exportOutput(.md, glyphs: .unicode)).text
        XCTAssertTrue(md.hasPrefix("**海宁皮革时尚小镇 — 2015年1-9月**\n\n- 数据集："), md)
        XCTAssertTrue(md.contains("\n```\n海宁皮革时尚小镇  Haining Leather Fashion Town\n"), md)
    }
}
