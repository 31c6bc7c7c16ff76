import Foundation
import TownsCore
import XCTest

/// Issue 14 point 2: what changed between two periods, and the towns' rank moves, on the
/// bundled data and on edited copies of it.
final class ChangesTests: XCTestCase {
    func period(_ d: Dataset, _ id: String) throws -> Period { try XCTUnwrap(d.period(id)) }

    /// The kinds as "owner measure kind" lines, the city as "city".
    func lines(_ c: Changes) -> [String] {
        c.items.map { "\($0.town ?? "city") \($0.measure.rawValue) \($0.kind.rawValue)" }
    }

    func testJanAugToJanSepOnTheBundledData() throws {
        let d = try loadBundled()
        let m = Metrics(dataset: d)
        let c = try XCTUnwrap(Changes(m, to: try period(d, "2015-09")))
        XCTAssertEqual(c.from.id, "2015-08")
        XCTAssertEqual(
            lines(c),
            [
                "city completed rose", "city completion_rate rose", "city projects_started gone",
                "city start_rate gone",
                "haining completed rose", "haining completion_rate rose", "tongxiang completion_rate rose",
                "jiashan start_rate gone", "nanhu completed appeared", "nanhu completion_rate appeared",
                "haiyan completion_rate appeared",
            ])
        let haining = c.items.filter { $0.town == "haining" }
        XCTAssertEqual(haining[0].delta?.quantity, .exact(dec("4.26"), decimals: 2))
        XCTAssertEqual(haining[1].delta?.quantity, .exact(dec("22.9"), decimals: 1))
        guard case let .derived(formula)? = haining[1].delta?.provenance else { return XCTFail("a derived delta") }
        XCTAssertEqual(formula, "2015 Jan-Sep 72.9 − 2015 Jan-Aug 50 = 22.9 points")
        // Each change keeps its figures, so its source: the paper's section for Haining's 13.56.
        guard case let .reported(source, at, _, _)? = haining[0].sourced?.provenance else { return XCTFail() }
        XCTAssertEqual([source, at], ["paper", "三(五)"])
        let city = try XCTUnwrap(c.items.first { $0.town == nil && $0.measure == .completed })
        XCTAssertEqual(city.delta?.quantity, .exact(dec("12.56"), decimals: 2))
        // A figure no longer reported is unknown now: no delta, its earlier figure kept.
        let jiashan = try XCTUnwrap(c.items.first { $0.town == "jiashan" })
        XCTAssertNil(jiashan.after)
        XCTAssertNil(jiashan.delta)
        XCTAssertEqual(jiashan.before?.quantity.exactValue, 90)
        XCTAssertNil(Changes(m, to: try period(d, "2015-08")), "no earlier period in 2015")
    }

    /// From September to December the notice's figures are on another basis: never compared.
    func testAnotherBasisIsNotCompared() throws {
        let d = try loadBundled()
        let c = Changes(Metrics(dataset: d), from: try period(d, "2015-09"), to: try period(d, "2015-12"))
        let city = try XCTUnwrap(c.items.first { $0.town == nil && $0.measure == .completed })
        XCTAssertEqual(city.kind, .otherBasis)
        XCTAssertNil(city.delta, "45.06 (the paper's) and 63.06 (fixed-asset investment) are not subtracted")
        XCTAssertEqual(c.items.first { $0.town == "haining" && $0.measure == .completed }?.kind, .otherBasis)
        XCTAssertEqual(c.items.first { $0.town == "tongxiang" && $0.measure == .completed }?.kind, .appeared)
        XCTAssertEqual(c.items.first { $0.town == "nanhu" && $0.measure == .completed }?.kind, .gone)
        // The towns view's Δ follows: the city's change across bases has no delta either.
        let change = Metrics(dataset: d).change(
            nil, .completed, from: try period(d, "2015-09"), to: try period(d, "2015-12"))
        XCTAssertNil(change.delta)
    }

    /// A completed amount runs from January: lower than the month before, the later figure
    /// corrects the earlier; a rate that goes down fell. Equal figures are counted, not listed.
    func testCorrectionsFallsAndUnchanged() throws {
        let dir = try brokenCopy("figures.toml") { text in
            text.replacingOccurrences(of: "value = 13.56", with: "value = 9.1")
                .replacingOccurrences(of: "value = 92.7", with: "value = 70")
                .replacingOccurrences(of: "value = 72.9", with: "value = 50")
        }
        let d = try DatasetLoader.load(directory: dir).dataset
        let c = try XCTUnwrap(Changes(Metrics(dataset: d), to: try period(d, "2015-09")))
        XCTAssertEqual(c.items.first { $0.town == "haining" && $0.measure == .completed }?.kind, .corrected)
        XCTAssertEqual(
            c.items.first { $0.town == "haining" && $0.measure == .completed }?.delta?.quantity,
            .exact(dec("-0.2"), decimals: 1))
        XCTAssertEqual(c.items.first { $0.town == "tongxiang" }?.kind, .fell)
        XCTAssertNil(c.items.first { $0.town == "haining" && $0.measure == .completionRate }, "50 -> 50 is no change")
        XCTAssertEqual(c.unchanged, 1)
    }

    /// Places by completion rate, ties sharing one; moves between the periods.
    func testRankMoves() throws {
        let d = try loadBundled()
        let m = Metrics(dataset: d)
        let (aug, sep) = (try period(d, "2015-08"), try period(d, "2015-09"))
        XCTAssertEqual(m.ranks(period: aug), ["tongxiang": 1, "haining": 2])
        XCTAssertEqual(m.ranks(period: sep), ["tongxiang": 1, "haining": 2, "nanhu": 3, "haiyan": 4])
        let moves = m.rankMoves(from: aug, to: sep)
        XCTAssertEqual(moves["haining"]?.places, 0)
        XCTAssertEqual(moves["nanhu"]?.isNew, true)
        XCTAssertNil(moves["jiashan"]?.after, "no rate, no place: unknown, not last")

        // Haining ahead of Tongxiang in September: Haining up one, Tongxiang down one.
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 92.7", with: "value = 72.9") }
        let tied = Metrics(dataset: try DatasetLoader.load(directory: dir).dataset)
        XCTAssertEqual(tied.ranks(period: sep)["haining"], 1)
        XCTAssertEqual(tied.ranks(period: sep)["tongxiang"], 1, "equal rates share a place")
        XCTAssertEqual(tied.ranks(period: sep)["nanhu"], 3)
        let up = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 92.7", with: "value = 60") }
        let moved = Metrics(dataset: try DatasetLoader.load(directory: up).dataset).rankMoves(from: aug, to: sep)
        XCTAssertEqual(moved["haining"]?.places, 1)
        XCTAssertEqual(moved["tongxiang"]?.places, -1)
    }
}
