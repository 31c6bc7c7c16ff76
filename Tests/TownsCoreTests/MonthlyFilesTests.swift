import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// `monthly/*.toml` merged after figures.toml: periods in date order, sources, figures;
/// duplicates are errors with file:line.
final class MonthlyFilesTests: XCTestCase {
    /// A copy of the bundled data with `files` (name -> text) in monthly/.
    func dataWithMonthly(_ files: [String: String]) throws -> String {
        let dir = try brokenCopy("dataset.toml") { $0 }
        try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/monthly/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    func month(_ id: String, through: Int, label: String, town: String = "haining", value: String = "15.21") -> String {
        """
        [[period]]
        id = "\(id)"
        label_zh = "\(label)"
        label_en = "\(label)"
        year = 2015
        through = \(through)

        [[source]]
        id = "import-\(id)"
        title = "sheet \(id)"

        [[figure]]
        town = "\(town)"
        measure = "completed"
        period = "\(id)"
        value = \(value)
        source = "import-\(id)"
        at = "line 3"

        """
    }

    func testMonthlyFilesAddPeriodsInDateOrder() throws {
        // 2015-11 sorts after 2015-10 by name; 2015-10 falls between dataset.toml's 2015-09 and 2015-12.
        let dir = try dataWithMonthly(["2015-11.toml": month("2015-11", through: 11, label: "2015年1-11月", value: "16.5"),
                                       "2015-10.toml": month("2015-10", through: 10, label: "2015年1-10月")])
        let loaded = try DatasetLoader.load(directory: dir)
        XCTAssertEqual(loaded.warnings, [])
        let dataset = loaded.dataset
        XCTAssertEqual(dataset.periods.map(\.id), ["2015-08", "2015-09", "2015-10", "2015-11", "2015-12"])
        let haining = try XCTUnwrap(dataset.town("haining"))
        XCTAssertEqual(haining.figures[FigureKey(.completed, "2015-10")]?.quantity, .exact(dec("15.21"), decimals: 2))
        XCTAssertEqual(haining.figures[FigureKey(.completed, "2015-11")]?.quantity, .exact(dec("16.5"), decimals: 1))
        XCTAssertEqual(haining.figures[FigureKey(.completed, "2015-10")]?.origin?.file, dir + "/monthly/2015-10.toml")
        XCTAssertEqual(haining.figures[FigureKey(.completed, "2015-09")]?.quantity, .exact(dec("13.56"), decimals: 2), "figures.toml still read")
        XCTAssertEqual(dataset.sources["import-2015-10"]?.title, "sheet 2015-10")
    }

    func testNoMonthlyFolderIsFineAndHiddenFilesAreSkipped() throws {
        let dir = try dataWithMonthly([".2015-10.toml.AbC123": "half a file [[fig"])
        XCTAssertEqual(try DatasetLoader.load(directory: dir).dataset.periods.count, 3)
        XCTAssertEqual(DatasetLoader.monthlyFileNames(directory: dir), [])
        XCTAssertEqual(DatasetLoader.monthlyFileNames(directory: bundledData), [])
    }

    func testDuplicateFigureWithFiguresTomlNamesBothPlaces() throws {
        // Haining's 2015-09 completed is in figures.toml already.
        let text = """
        [[figure]]
        town = "haining"
        measure = "completed"
        period = "2015-09"
        value = 13.6
        source = "paper"

        """
        let dir = try dataWithMonthly(["2015-09.toml": text])
        let errors = loadErrors(dir)
        let e = try XCTUnwrap(errors.first { $0.problem.contains("duplicate figure completed[2015-09]") }, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(e.file, dir + "/monthly/2015-09.toml")
        // At the period, the field a copied record most likely left unchanged (fresh user, wave 13),
        // naming the fields that together repeat, in both languages.
        XCTAssertEqual(e.line, 4)
        XCTAssertEqual(e.field, "figure[1].period")
        let first = try lineNumber(in: dir + "/figures.toml", of: "value = 13.56") - 4
        XCTAssertTrue(e.problem.contains("its town, measure and period are those of the figure at "
                                         + "\(dir)/figures.toml:\(first)"), e.description)
        let zh = try XCTUnwrap(e.message?.chinese)
        XCTAssertTrue(zh.contains("town、measure、period 与 \(dir)/figures.toml:\(first) 的数值相同"), zh)
    }

    func testDuplicatePeriodAndSourceAcrossFiles() throws {
        var dir = try dataWithMonthly(["2015-09.toml": month("2015-09", through: 9, label: "x", value: "14")])
        var errors = loadErrors(dir)
        XCTAssertTrue(errors.contains { $0.field == "period[1].id" && $0.problem.contains("duplicate period '2015-09' (first at \(dir)/dataset.toml:") && $0.line == 2 },
                      errors.map(\.description).joined(separator: "\n"))
        dir = try dataWithMonthly(["2015-10.toml": month("2015-10", through: 10, label: "x"),
                                   "2015-11.toml": month("2015-11", through: 11, label: "y", value: "16").replacingOccurrences(of: "id = \"import-2015-11\"", with: "id = \"import-2015-10\"")])
        errors = loadErrors(dir)
        XCTAssertTrue(errors.contains { $0.file.hasSuffix("monthly/2015-11.toml") && $0.problem.contains("duplicate source 'import-2015-10' (first at \(dir)/monthly/2015-10.toml:8)") },
                      errors.map(\.description).joined(separator: "\n"))
    }

    func testOtherTablesAndBadFilesInMonthlyAreErrors() throws {
        var dir = try dataWithMonthly(["2015-10.toml": month("2015-10", through: 10, label: "x") + "\n[[total]]\nmeasure = \"completed\"\n"])
        var errors = loadErrors(dir)
        XCTAssertTrue(errors.contains { $0.field == "total" && $0.line == 20 && $0.problem.contains("only [[period]], [[source]] and [[figure]]") },
                      errors.map(\.description).joined(separator: "\n"))
        dir = try dataWithMonthly(["2015-10.toml": "[[figure]\n"])
        errors = loadErrors(dir)
        XCTAssertTrue(errors.contains { $0.file == dir + "/monthly/2015-10.toml" && $0.line == 1 && $0.problem.hasPrefix("TOML syntax") })
        dir = try brokenCopy("dataset.toml") { $0 }
        try "not a folder".write(toFile: dir + "/monthly", atomically: true, encoding: .utf8)
        XCTAssertTrue(loadErrors(dir).contains { $0.problem.contains("expected the folder of monthly files") })
    }

    func testOverrideSkipsOrReplacesOneMonthlyFile() throws {
        let dir = try dataWithMonthly(["2015-10.toml": month("2015-10", through: 10, label: "x")])
        let without = try DatasetLoader.load(directory: dir, monthlyOverride: .init(name: "2015-10.toml", path: nil)).dataset
        XCTAssertNil(without.period("2015-10"))
        let other = TemporaryFiles.path("other", suffix: ".toml")
        try month("2015-10", through: 10, label: "x", value: "15.5").write(toFile: other, atomically: true, encoding: .utf8)
        let replaced = try DatasetLoader.load(directory: dir, monthlyOverride: .init(name: "2015-10.toml", path: other)).dataset
        XCTAssertEqual(replaced.town("haining")?.figures[FigureKey(.completed, "2015-10")]?.quantity, .exact(dec("15.5"), decimals: 1))
        // Read from `other`, named where it will live (wave 26: an import cited its temporary file).
        XCTAssertEqual(replaced.town("haining")?.figures[FigureKey(.completed, "2015-10")]?.origin?.file,
                       dir + "/monthly/2015-10.toml")
    }

    func testFingerprintSeesAMonthlyFileAppearChangeAndGo() throws {
        let dir = try dataWithMonthly([:])
        let start = DatasetFingerprint(directory: dir)
        XCTAssertEqual(start, DatasetFingerprint(directory: dir), "stable while nothing changes")
        XCTAssertNotNil(start.lastChange)
        try month("2015-10", through: 10, label: "x").write(toFile: dir + "/monthly/2015-10.toml", atomically: true, encoding: .utf8)
        let added = DatasetFingerprint(directory: dir)
        XCTAssertNotEqual(added, start)
        XCTAssertTrue(added.files.contains { $0.name == "monthly/2015-10.toml" && $0.exists })
        try month("2015-10", through: 10, label: "x", value: "15.22").write(toFile: dir + "/monthly/2015-10.toml", atomically: true, encoding: .utf8)
        XCTAssertNotEqual(DatasetFingerprint(directory: dir), added, "rewritten (new inode)")
        try FileManager.default.removeItem(atPath: dir + "/monthly/2015-10.toml")
        XCTAssertFalse(DatasetFingerprint(directory: dir).files.contains { $0.name == "monthly/2015-10.toml" })
        let loaded = try DatasetLoader.loadUnchanged(directory: dir)
        XCTAssertEqual(loaded.fingerprint, DatasetFingerprint(directory: dir))
    }
}
