import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Issue 14 point 3: a projection never appears without its marker, in any view, page or export.
final class ProjectionMarkerTests: XCTestCase {
    /// Every occurrence of `value` in `text` that stands as a number of its own is preceded by `mark`.
    func assertMarked(_ text: String, _ value: String, _ mark: String, _ place: String) {
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: value, range: search) {
            search = r.upperBound..<text.endIndex
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if before.isNumber || before == "." || after.isNumber || (after == "." && r.upperBound < text.endIndex) {
                continue  // part of another number
            }
            XCTAssertEqual(String(before), mark, "\(value) without its projection marker in \(place)")
        }
    }

    func testEveryOutputMarksProjections() throws {
        let base = try bundledState(width: 200, height: 60)
        var checked = 0
        for (p, period) in base.dataset.periods.enumerated() {
            var s = base
            s.periodIndex = p
            let m = s.metrics
            let progress = [m.progress(nil, period: period)] + s.dataset.towns.map { m.progress($0, period: period) }
            let values = Set(progress.flatMap { [$0.projection, $0.recentProjection] }.compactMap { $0?.supportedText })
            // A projected value that happens to equal a reported or derived figure cannot be told apart.
            let others = Set(s.dataset.towns.flatMap { $0.figures.values } + s.dataset.totals.values
                .map { $0 }).compactMap { f -> String? in
                    guard case let .exact(v, d) = f.quantity else { return nil }
                    return DecimalMath.text(v, scale: d)
                }
            let projected = values.subtracting(others)
            for kind in AppState.topViews {
                var v = update(s, .showView(kind))
                v.message = nil
                let unicode = screen(v).joined(separator: "\n")
                let ascii = Renderer(theme: .monochrome, glyphs: .ascii).render(v).lines().joined(separator: "\n")
                let content = try XCTUnwrap(v.content(for: v.screen))
                for value in projected {
                    assertMarked(unicode, value, "→", "\(kind) \(period.id)")
                    assertMarked(ascii, value, "p", "\(kind) \(period.id) ascii")
                    for format in ExportRequest.Format.allCases {
                        let text = Export.render(content, format: format, title: "t", legend: "l")
                        assertMarked(text, value, "→", "\(kind) \(period.id) \(format)")
                        checked += 1
                    }
                }
            }
            for town in s.dataset.towns {
                let page = s.pageLines(.townPage(town.id), width: 200).map { $0.runs.map(\.0).joined() }
                    .joined(separator: "\n")
                for value in projected { assertMarked(page, value, "→", "\(town.id)'s page \(period.id)") }
            }
        }
        XCTAssertGreaterThan(checked, 0, "some projection was looked for")
        XCTAssertTrue(AppState.topViews.contains(.changes), "the walk covers the changes view (issue 14 point 2)")
        // And the city's projection at Jan-Sep is on the overview, marked.
        var s = update(try bundledState(width: 100, height: 60, period: "2015-09"), .showView(.overview))
        s.message = nil
        XCTAssertTrue(screen(s).joined().contains("→60.08"))
    }
}
