import Foundation
import XCTest

@testable import TownsCore
@testable import TownsUI

/// A verdict is never more certain than its sources (w15-verdict): a rule met on a figure a
/// failing check flags is undecided (`?!`) in the assessment table, a town's page and the
/// overview's counts, which all ask `Assessment.evaluate`.
final class W15VerdictTests: XCTestCase {
    /// Data/ copied with Haining's Jan-Sep completed 13.56 printed as 10.5 and its Jan-Aug
    /// completion rate 50 as 90 (a fresh user's repro): the plan-agreement check fails.
    func flaggedHaining(language: Language) throws -> AppState {
        try editedBundledState("w15", period: "2015-09", width: 160, height: 40, language: language) { text in
            let rate = "value = 50\nsource = \"paper\"\nat = \"二(三)\"\nquote = \"占总计划的50%\""
            XCTAssertTrue(text.contains("value = 13.56\n"))
            XCTAssertTrue(text.contains(rate))
            return text.replacingOccurrences(of: "value = 13.56\n", with: "value = 10.5\n")
                .replacingOccurrences(of: rate, with: rate.replacingOccurrences(of: "value = 50", with: "value = 90"))
        }
    }

    func rule(_ s: AppState, _ kind: Rule.Kind) throws -> Rule {
        try XCTUnwrap(s.dataset.rules.first { $0.kind == kind })
    }

    func testTheCoreLeavesARuleMetOnAFlaggedFigureUndecided() throws {
        let s = try flaggedHaining(language: .en)
        let period = try XCTUnwrap(s.period)
        let haining = try XCTUnwrap(s.dataset.town("haining"))
        XCTAssertTrue(s.checker.isFlagged(FigureKey(.completed, "2015-09"), town: haining))
        let assessment = Assessment(metrics: s.metrics)
        for kind in [Rule.Kind.yearOneMinimum, .landReward] {
            let r = assessment.evaluate(try rule(s, kind), haining, asOf: period)
            XCTAssertEqual(r.status, .unknown, "\(kind)")
            guard case let .doubted(flagged, checks, _) = r.finding else { return XCTFail("\(r.finding)") }
            XCTAssertFalse(flagged.isEmpty)
            XCTAssertTrue(checks.contains { $0.kind == .inconsistency }, "\(checks)")
        }
        // The bundled data: Haining's first year is not doubted (no flagged input); w23-fid: it is `?`
        // for the basis (the paper's amount against a rule excluding commercial housing), not met.
        let clean = try bundledState(width: 160, height: 40, period: "2015-09")
        let cleanHaining = try XCTUnwrap(clean.dataset.town("haining"))
        let r = Assessment(metrics: clean.metrics)
            .evaluate(try rule(clean, .yearOneMinimum), cleanHaining, asOf: try XCTUnwrap(clean.period))
        XCTAssertEqual(r.status, .unknown)
        guard case .basisNotStated = r.finding else { return XCTFail("\(r.finding)") }
    }

    func testTheTableThePageAndTheOverviewSayUndecided() throws {
        for language in [Language.zh, .en] {
            let s = try flaggedHaining(language: language)
            let name = language == .zh ? "海宁皮革时尚小镇" : "Haining"
            let table = screen(update(s, .showView(.assessment)))
            let row = try XCTUnwrap(table.first { $0.contains(name) }, table.joined(separator: "\n"))
            XCTAssertTrue(row.contains("?!"), row)
            XCTAssertFalse(row.contains("✓"), row)
            let page = s.pageLines(.townPage("haining"), width: 200).map { $0.runs.map(\.0).joined() }
            let why = language == .zh ? "一致性检查未通过" : "a consistency check fails"
            XCTAssertTrue(page.contains { $0.contains(why) }, page.joined(separator: "\n"))
            let yr1 = language == .zh ? "首年" : "Yr1"
            XCTAssertTrue(page.contains { $0.hasPrefix("\(yr1) ?!") }, page.joined(separator: "\n"))
            let overview = screen(update(s, .showView(.overview))).joined(separator: "\n")
            // The rules' counts: Haining's first year counted undecided, not met (was ✓1 ?0).
            XCTAssertTrue(overview.contains("\(yr1) ✓0 ✗0 ?1"), overview)
        }
    }
}
