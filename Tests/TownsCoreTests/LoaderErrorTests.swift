import Foundation
import TownsCore
import XCTest

/// Bad input: every error names the file, the line and the field; nothing is half-loaded.
final class LoaderErrorTests: XCTestCase {
    func assertError(_ dir: String, file: String, line: Int?, field: String?, contains text: String,
                     _ location: StaticString = #filePath, _ l: UInt = #line) {
        let errors = loadErrors(dir)
        let match = errors.first { $0.file.hasSuffix("/" + file) && $0.problem.contains(text) }
        XCTAssertNotNil(match, "expected '\(text)' in \(file); got:\n\(errors.map(\.description).joined(separator: "\n"))", file: location, line: l)
        if let match {
            if let line { XCTAssertEqual(match.line, line, match.description, file: location, line: l) }
            if let field { XCTAssertEqual(match.field, field, match.description, file: location, line: l) }
        }
    }

    func testBundledDataLoadsWithoutWarnings() throws {
        let loaded = try DatasetLoader.load(directory: bundledData)
        XCTAssertEqual(loaded.warnings, [])
    }

    func testUnknownDevelopmentType() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 3\n", with: "type = 9\n") }
        let line = try lineNumber(in: dir + "/towns.toml", of: "type = 9")
        assertError(dir, file: "towns.toml", line: line, field: "town[4].type", contains: "9 is not a development type")
    }

    func testSyntaxErrorHasLineAndColumn() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 13.56", with: "value = 13.56.1") }
        let line = try lineNumber(in: dir + "/figures.toml", of: "13.56.1")
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.first?.line, line, errors.map(\.description).joined(separator: "\n"))
        XCTAssertNotNil(errors.first?.column)
        XCTAssertTrue(errors.first?.problem.hasPrefix("TOML syntax") == true)
    }

    func testUnknownTownInFigure() throws {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "town = \"nanhu\"\nmeasure = \"completed\"", with: "town = \"nanhoo\"\nmeasure = \"completed\"") }
        let line = try lineNumber(in: dir + "/figures.toml", of: "nanhoo")
        assertError(dir, file: "figures.toml", line: line, field: nil, contains: "unknown town 'nanhoo'")
    }

    func testNegativeAmount() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 45.06", with: "value = -45.06") }
        let line = try lineNumber(in: dir + "/totals.toml", of: "-45.06")
        assertError(dir, file: "totals.toml", line: line, field: nil, contains: "negative")
    }

    func testNaNAmount() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 32.5", with: "value = nan") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "= nan"), field: nil, contains: "not a finite number")
    }

    func testImpossiblePercentage() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 43.8", with: "value = 143.8") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "143.8"), field: nil, contains: "at most 100%")
    }

    func testMissingProvenance() throws {
        let dir = try brokenCopy("totals.toml") { $0.replacingOccurrences(of: "value = 89\nsource = \"paper\"", with: "value = 89") }
        assertError(dir, file: "totals.toml", line: try lineNumber(in: dir + "/totals.toml", of: "[[total]]", after: "measure = \"revenue\"") , field: nil, contains: "no provenance")
    }

    func testUnknownSourceAndPeriod() throws {
        var dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 3.52\nsource = \"paper\"", with: "value = 3.52\nsource = \"papr\"") }
        assertError(dir, file: "figures.toml", line: try lineNumber(in: dir + "/figures.toml", of: "\"papr\""), field: nil, contains: "unknown source 'papr'")
        dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "period = \"2015-09\"\nvalue = 3.52", with: "period = \"2015-10\"\nvalue = 3.52") }
        assertError(dir, file: "figures.toml", line: try lineNumber(in: dir + "/figures.toml", of: "2015-10"), field: nil, contains: "not a period in dataset.toml")
    }

    func testDuplicateTownAndDuplicateFigure() throws {
        var dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "id = \"haiyan\"", with: "id = \"nanhu\"") }
        assertError(dir, file: "towns.toml", line: nil, field: "town[5].id", contains: "duplicate town 'nanhu'")
        dir = try brokenCopy("figures.toml") { $0 + "\n[[figure]]\ntown = \"haiyan\"\nmeasure = \"plan_total\"\nvalue = 141\nsource = \"paper\"\n" }
        assertError(dir, file: "figures.toml", line: try lineNumber(in: dir + "/figures.toml", of: "value = 141") - 1, field: nil, contains: "duplicate figure plan_total")
    }

    func testUnknownEntity() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "\"cnec\", ", with: "\"cnecc\", ") }
        assertError(dir, file: "towns.toml", line: try lineNumber(in: dir + "/towns.toml", of: "cnecc"), field: "town[5].entities", contains: "unknown entity 'cnecc'")
    }

    func testWrongType() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 2\n", with: "type = \"two\"\n") }
        assertError(dir, file: "towns.toml", line: try lineNumber(in: dir + "/towns.toml", of: "\"two\""), field: "town[3].type", contains: "expected an integer, found a string")
    }

    func testUnknownFieldIsAWarning() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "county_en = \"Jiashan\"", with: "county_en = \"Jiashan\"\ncountee = \"x\"") }
        let loaded = try DatasetLoader.load(directory: dir)
        let w = try XCTUnwrap(loaded.warnings.first)
        XCTAssertEqual(w.field, "town[3].countee")
        XCTAssertEqual(w.line, try lineNumber(in: dir + "/towns.toml", of: "countee"))
    }

    func testNotUTF8() throws {
        let dir = try brokenCopy("towns.toml") { $0 }
        var data = try Data(contentsOf: URL(fileURLWithPath: dir + "/towns.toml"))
        data.append(contentsOf: [0x0a, 0x23, 0xff, 0xfe, 0x0a])
        try data.write(to: URL(fileURLWithPath: dir + "/towns.toml"))
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n").count
        assertError(dir, file: "towns.toml", line: lines - 1, field: nil, contains: "not valid UTF-8")
    }

    func testMissingFileAndDirectoryInPlace() throws {
        var dir = try brokenCopy("towns.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/totals.toml")
        assertError(dir, file: "totals.toml", line: nil, field: nil, contains: "file not found")
        dir = try brokenCopy("towns.toml") { $0 }
        try FileManager.default.removeItem(atPath: dir + "/types.toml")
        try FileManager.default.createDirectory(atPath: dir + "/types.toml", withIntermediateDirectories: false)
        assertError(dir, file: "types.toml", line: nil, field: nil, contains: "is a directory")
    }
}

final class LineEndingTests: XCTestCase {
    /// A file saved with Windows line ends (CR LF) still gets line numbers in its errors.
    func testCRLFFilesKeepLineNumbers() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 3\n", with: "type = 9\n").replacingOccurrences(of: "\n", with: "\r\n") }
        let lines = try String(contentsOfFile: dir + "/towns.toml", encoding: .utf8).components(separatedBy: "\r\n")
        let line = lines.firstIndex { $0 == "type = 9" }! + 1
        let errors = loadErrors(dir)
        XCTAssertEqual(errors.first?.line, line, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors.first?.field, "town[4].type")
    }
}
