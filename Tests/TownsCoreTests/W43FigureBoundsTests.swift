import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// Wave 43 (finding 3): a figure beyond what any town's can be (15 digits, 万元 typed as 亿元) is
/// refused by the loader with its file, line, field and the bound (`FigureBounds`), in either
/// language, never loaded to give sums and rates no one can read (`≈297796307325789%!`).
final class W43FigureBoundsTests: XCTestCase {
    /// The first error of loading `dir` (nil when it loads).
    func firstError(_ dir: String) -> LoadIssue? { loadErrors(dir).first }

    func testAnAmountBeyondAnyTownsIsRefusedNamingTheBound() throws {
        // Haiyan's 3-year plan (140): a 3-year plan's bound is 10000 亿元 (a period's amount: 1000).
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 140\n", with: "value = 1356000000\n") }
        let error = try XCTUnwrap(firstError(dir))
        XCTAssertTrue(error.file.hasSuffix("/figures.toml"), error.description)
        XCTAssertEqual(error.line, try lineNumber(in: dir + "/figures.toml", of: "1356000000"))
        XCTAssertTrue(error.field?.hasSuffix(".value") ?? false, error.description)
        XCTAssertEqual(error.kind, .badAmount)
        XCTAssertEqual(LoadFailure(issues: loadErrors(dir)).exitCode, 13)
        XCTAssertTrue(error.words(chinese: false).contains("at most 10000 亿元"), error.words(chinese: false))
        XCTAssertTrue(error.words(chinese: false).contains("万元 typed as 亿元?"), error.words(chinese: false))
        XCTAssertTrue(error.words(chinese: true).contains("至多 10000 亿元"), error.words(chinese: true))
        XCTAssertFalse(error.words(chinese: true).contains("at most"), error.words(chinese: true))
    }

    func testARateBeyondAnyCompletionRateIsRefused() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 72.9", with: "value = 297796307325789") }
        let error = try XCTUnwrap(firstError(dir))
        XCTAssertEqual(error.line, try lineNumber(in: dir + "/figures.toml", of: "297796307325789"))
        XCTAssertTrue(error.field?.hasSuffix(".value") ?? false, error.description)
        XCTAssertTrue(error.words(chinese: false).contains("at most 1000%"), error.description)
        XCTAssertTrue(error.words(chinese: true).contains("至多 1000%"), error.words(chinese: true))
        // 250% is said (a warning), not refused: above twice the plan, within ten times it.
        let said = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 72.9", with: "value = 250") }
        XCTAssertNoThrow(try DatasetLoader.load(directory: said))
    }

    func testMoreSignificantDigitsThanAReportPrintsAreRefused() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 3.52", with: "value = \"3.52000000001\"") }
        let error = try XCTUnwrap(firstError(dir))
        XCTAssertTrue(error.field?.hasSuffix(".value") ?? false, error.description)
        XCTAssertEqual(error.kind, .badAmount)
        XCTAssertTrue(error.words(chinese: false).contains("more significant digits than a report prints: at most 10"),
                      error.description)
        XCTAssertTrue(error.words(chinese: true).contains("有效数字多于报告所印"), error.words(chinese: true))
    }

    /// 万元 typed as 亿元 below 10000 (w43d's fresh user): a town's completed 8000 亿元 is refused,
    /// naming the period's bound and why, in both languages.
    func testACompletedAmountBeyondAPeriodsBoundIsRefused() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 13.56\n", with: "value = 8000\n") }
        let error = try XCTUnwrap(firstError(dir))
        XCTAssertTrue(error.file.hasSuffix("/figures.toml"), error.description)
        XCTAssertEqual(error.line, try lineNumber(in: dir + "/figures.toml", of: "value = 8000"))
        XCTAssertTrue(error.field?.hasSuffix(".value") ?? false, error.description)
        let en = error.words(chinese: false), zh = error.words(chinese: true)
        XCTAssertTrue(en.contains("8000 亿元 is beyond any town's completed investment or year's plan: at most 1000 亿元"), en)
        XCTAssertTrue(en.contains("477.9") && en.contains("140") && en.contains("万元 typed as 亿元?"), en)
        XCTAssertTrue(zh.contains("至多 1000 亿元") && zh.contains("是否把万元写成了亿元"), zh)
        XCTAssertNil(zh.range(of: "at most"), zh)
        XCTAssertNotEqual(LoadFailure(issues: loadErrors(dir)).exitCode, 0)
    }

    /// A city's total sums its towns: its bound is theirs together (5 towns: 50,000 亿元).
    func testATotalsBoundIsItsTownsTogether() throws {
        let ok = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 360.2", with: "value = 50000") }
        XCTAssertNoThrow(try DatasetLoader.load(directory: ok))
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 360.2", with: "value = 50001") }
        let error = try XCTUnwrap(firstError(dir))
        XCTAssertTrue(error.file.hasSuffix("/totals.toml"), error.description)
        XCTAssertTrue(error.words(chinese: false).contains("at most 50000 亿元 (a total of 5 towns: 10000 each)"),
                      error.description)
    }

    func testTheBoundsThemselves() {
        XCTAssertNil(FigureBounds.problem(.completed, value: dec("13.56"), decimals: 2, towns: nil))
        XCTAssertNil(FigureBounds.problem(.planTotal, value: 10000, decimals: 0, towns: nil))
        XCTAssertEqual(FigureBounds.problem(.planTotal, value: dec("10000.01"), decimals: 2, towns: nil)?.limit, .amount)
        // A period's amount (completed, a year's plan): 1000 (w43d).
        XCTAssertNil(FigureBounds.problem(.completed, value: 1000, decimals: 0, towns: nil))
        for measure in [Measure.completed, .planYear, .featuredInvestment, .investmentMinimum] {
            XCTAssertEqual(FigureBounds.problem(measure, value: dec("1000.01"), decimals: 2, towns: nil)?.limit,
                           .periodAmount, "\(measure)")
        }
        XCTAssertNil(FigureBounds.problem(.revenue, value: 8000, decimals: 0, towns: nil))
        XCTAssertNil(FigureBounds.problem(.completed, value: 5000, decimals: 0, towns: 5))
        XCTAssertEqual(FigureBounds.problem(.completionRate, value: 1001, decimals: 0, towns: nil)?.limit, .rate)
        XCTAssertNil(FigureBounds.problem(.completionRate, value: 1000, decimals: 0, towns: nil))
        XCTAssertEqual(FigureBounds.problem(.projectsPlanned, value: 10001, decimals: 0, towns: nil)?.limit, .projects)
        XCTAssertEqual(FigureBounds.problem(.areaPlanned, value: 1001, decimals: 0, towns: nil)?.limit, .area)
        XCTAssertEqual(FigureBounds.problem(.startRate, value: dec("0.123456789012345"), decimals: 15, towns: nil)?.limit,
                       .digits)
        XCTAssertEqual(FigureBounds.significantDigits(dec("13.56"), decimals: 2), 4)
        XCTAssertEqual(FigureBounds.significantDigits(dec("0.05"), decimals: 2), 1)
        XCTAssertEqual(FigureBounds.significantDigits(dec("13.56"), decimals: 3), 5)
        XCTAssertEqual(FigureBounds.significantDigits(0, decimals: 0), 1)
        // Every limit is worded in both languages, the Chinese without English words.
        for limit in FigureBounds.Problem.Limit.allCases {
            let p = FigureBounds.Problem.sample(limit)
            XCTAssertTrue(p.english.contains(p.bound), p.english)
            XCTAssertTrue(p.chinese.contains(p.bound), p.chinese)
            XCTAssertNil(p.chinese.range(of: "at most"), p.chinese)
        }
    }

    /// The bundled data and the figures the paper prints are within every bound.
    func testTheBundledDataIsWithinTheBounds() throws {
        let d = try loadBundled()
        for town in d.towns {
            for (key, f) in town.figures {
                guard case let .exact(v, decimals) = f.quantity else { continue }
                XCTAssertNil(FigureBounds.problem(key.measure, value: v, decimals: decimals, towns: nil), "\(town.id) \(key)")
            }
        }
    }
}
