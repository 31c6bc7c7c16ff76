import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// Wave 30's fresh user: a figures.toml cut down to its comments loaded without a word (every
/// figure `—`), while towns.toml cut so is an error. Towns listed with no figure from any file
/// is an error (missing, exit 12, as an empty towns.toml); figures only from monthly/ files, or
/// an import about to add the first month, a warning. Either names figures.toml and what is missing.
final class W31IOFiguresTests: XCTestCase {
    /// The bundled data with figures.toml cut down to its comments (and blank lines).
    private func figuresCutToComments() throws -> String {
        try brokenCopy("figures.toml") { text in
            text.components(separatedBy: "\n").filter { $0.hasPrefix("#") || $0.isEmpty }.joined(separator: "\n")
        }
    }

    func testFiguresCutToItsCommentsIsAnErrorNamingTheFileAndWhatIsMissing() throws {
        let dir = try figuresCutToComments()
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.kind, .missing, error.description)
        XCTAssertEqual(error.kind.exitCode, 12, error.description)
        XCTAssertEqual(error.file, dir + "/figures.toml")
        XCTAssertEqual(error.field, "figure")
        XCTAssertEqual(error.description(chinese: false), dir + "/figures.toml: figure: no [[figure]] records, though "
            + "towns.toml lists 5 towns: every figure would be unknown (—); was the file cut short? (a dataset "
            + "starting empty gives one figure, such as a town's plan_total)")
        XCTAssertTrue(error.description(chinese: true).contains(
            "figures.toml: figure: 没有 [[figure]] 记录，但 towns.toml 列有 5 个小镇：每个数字都将是未知（—）"),
            error.description(chinese: true))
    }

    func testFiguresOnlyFromMonthlyFilesIsAWarning() throws {
        let dir = try figuresCutToComments()
        try MonthlyFixtures.writeHainingSeptember2015(into: dir)
        let (dataset, warnings) = try DatasetLoader.load(directory: dir)
        XCTAssertEqual(dataset.towns.count, 5)
        let warning = try XCTUnwrap(warnings.first { $0.message?.kind == .noFigureRecords },
                                    warnings.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.file, dir + "/figures.toml")
        XCTAssertTrue(warning.problem.contains("come only from monthly/"), warning.problem)
    }

    /// `towns import`'s check of a dataset started empty, before its first month is in place.
    func testAnImportOfTheFirstMonthIsNotRefused() throws {
        let dir = try figuresCutToComments()
        let override = DatasetLoader.MonthlyOverride(name: "2015-10.toml", path: nil)
        let (_, warnings) = try DatasetLoader.load(directory: dir, monthlyOverride: override)
        XCTAssertEqual(warnings.filter { $0.message?.kind == .noFigureRecords }.count, 1)
    }

    func testTheBundledDataAndAFiguresFileWithRecordsSayNothingOfIt() throws {
        let (_, warnings) = try DatasetLoader.load(directory: bundledData)
        XCTAssertFalse(warnings.contains { $0.message?.kind == .noFigureRecords })
    }
}
