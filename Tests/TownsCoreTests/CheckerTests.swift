import Foundation
import TownsCore
import XCTest

final class CheckerTests: XCTestCase {
    func findings() throws -> [Finding] { Checker(dataset: try loadBundled()).run() }

    func testPrintedJanSepRateIsInconsistent() throws {
        let bad = try findings().filter { $0.kind == .inconsistency }
        XCTAssertEqual(bad.count, 1, bad.map(\.description).joined(separator: "\n"))
        let f = try XCTUnwrap(bad.first)
        XCTAssertNil(f.townID)
        XCTAssertEqual(f.flagged, FigureKey(.completionRate, "2015-09"))
        XCTAssertTrue(f.message.contains("42.5%") && f.message.contains("45.06 / 106.8 = 42.19%"), f.message)
        XCTAssertTrue(f.message.contains("106.0"), "names the plan 42.5% would need: \(f.message)")
        XCTAssertEqual(f.locations.first?.file.hasSuffix("totals.toml"), true)
    }

    func testOtherPrintedRatesAgree() throws {
        let ok = try findings().filter { $0.kind == .confirmed }.map(\.message)
        XCTAssertTrue(ok.contains { $0.contains("29.7%") && $0.contains("106.8 / 360.2") }, ok.joined(separator: "\n"))
        XCTAssertTrue(ok.contains { $0.contains("30.4%") && $0.contains("32.5 / 106.8") })
        XCTAssertTrue(ok.contains { $0.contains("43.8%") && $0.contains("39 / 89") })
        XCTAssertTrue(ok.contains { $0.contains("agrees across periods") })
    }

    func testKnownTownsFallShortOfTotals() throws {
        let short = try findings().filter { $0.kind == .shortfall }.map(\.message)
        XCTAssertTrue(short.contains { $0.hasPrefix("3-year plan") && $0.contains("169.0") && $0.contains("which fits") }, short.joined(separator: "\n"))
        XCTAssertTrue(short.contains { $0.contains("completed 2015 Jan-Sep") && $0.contains("17.08") && $0.contains("27.98") })
        XCTAssertTrue(short.contains { $0.contains("completed 2015 Jan-Aug") && $0.contains("23.2") })
    }

    func testASumAboveTheTotalIsAnInconsistency() throws {
        // Give Haiyan a Jan-Sep figure that pushes the known sum over the reported 45.06.
        let dir = try brokenCopy("figures.toml") { $0 + "\n[[figure]]\ntown = \"haiyan\"\nmeasure = \"completed\"\nperiod = \"2015-09\"\nvalue = 40\nsource = \"paper\"\n" }
        let f = Checker(dataset: try DatasetLoader.load(directory: dir).dataset).run()
        XCTAssertTrue(f.contains { $0.kind == .inconsistency && $0.message.contains("more than the reported total 45.06") },
                      f.map(\.description).joined(separator: "\n"))
    }
}
