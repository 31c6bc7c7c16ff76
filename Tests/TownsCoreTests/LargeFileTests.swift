@testable import TownsCore
import Foundation
import XCTest
import TownsSynthetic

/// A large figures.toml is parsed in parts (`TOMLDocument`), with line offsets instead of
/// substrings (`TextLines`); what the loader reads, and where it says problems are, is the
/// same as for a file parsed whole.
final class LargeFileTests: XCTestCase {
    /// Lines end at every line feed, LF or CR LF (the CR is not part of the line), so a file
    /// saved on Windows gets the same line numbers; a range of lines is the text as it stands.
    func testTextLinesAreTheSplitLines() {
        for text in ["", "a", "a\n", "\n\n", "海宁\n桐乡\r\n嘉善\n\r\nx", "x = 1\r\n[[a]]\r\ny = 2\n", "é\u{301}\nz\n"] {
            let raw = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
            let expected = raw.map { $0.hasSuffix("\r") ? String($0.unicodeScalars.dropLast().map(Character.init)) : $0 }
            let lines = TextLines(text)
            XCTAssertEqual(lines.count, expected.count, text.debugDescription)
            XCTAssertEqual(Array(lines).map(String.init), expected, text.debugDescription)
            for i in 0..<expected.count {
                for j in i...expected.count {
                    XCTAssertEqual(String(lines.text(of: i..<j)), raw[i..<j].joined(separator: "\n"), "\(text.debugDescription) \(i)..<\(j)")
                }
            }
        }
    }

    /// 3,200 towns x 60 months make a figures.toml above the size read in parts.
    static let directory: String = {
        let dir = NSTemporaryDirectory() + "towns-large-\(UUID().uuidString)"
        try! SyntheticDataset(towns: 3200, months: 60, seed: 4).write(to: dir, rules: nil)
        return dir
    }()

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    /// Any large file of records is read in every part, not only figures.toml: a towns.toml
    /// of 2,500 towns above the size read in parts keeps every town (a tester found that
    /// 13,800 towns loaded as 2,000 and their figures as unknown towns).
    func testALargeTownsFileLoadsEveryTown() throws {
        let dir = NSTemporaryDirectory() + "towns-large-towns-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 2500, months: 2, seed: 9).write(to: dir, rules: nil)
        let path = dir + "/towns.toml"
        let padding = String(repeating: "# padding to pass the size of a file read in parts\n", count: TOMLDocument.partThreshold / 50 + 1)
        try (try String(contentsOfFile: path, encoding: .utf8) + padding).write(toFile: path, atomically: true, encoding: .utf8)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        XCTAssertGreaterThan(size, TOMLDocument.partThreshold)
        XCTAssertGreaterThan(try TOMLDocument(path: path, displayPath: path).partCount(of: "town"), 1, "read in parts")
        let dataset = try DatasetLoader.load(directory: dir).dataset
        XCTAssertEqual(dataset.towns.count, 2500)
        XCTAssertEqual(Set(dataset.towns.map(\.id)).count, 2500)
        XCTAssertTrue(dataset.towns.suffix(400).contains { !$0.figures.isEmpty }, "the last part's towns have their figures")
    }

    func testALargeFileIsReadInPartsAndLoadsEveryFigure() throws {
        let path = Self.directory + "/figures.toml"
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        XCTAssertGreaterThan(size, TOMLDocument.partThreshold)
        let document = try TOMLDocument(path: path, displayPath: path)
        XCTAssertGreaterThan(document.partCount(of: "figure"), 10)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let records = lines.filter { $0 == "[[figure]]" }.count
        let dataset = try DatasetLoader.load(directory: Self.directory).dataset
        var loaded = 0
        for town in dataset.towns {
            for figure in town.figures.values {
                let line = try XCTUnwrap(figure.origin?.line)
                XCTAssertEqual(lines[line - 1], "[[figure]]")
                XCTAssertEqual(lines[line], "town = \"\(town.id)\"")
                loaded += 1
            }
        }
        XCTAssertEqual(loaded, records, "every record of every part")
    }

    func testProblemsInALatePartNameTheirLines() throws {
        let copy = NSTemporaryDirectory() + "towns-large-bad-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: Self.directory, toPath: copy)
        let path = copy + "/figures.toml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let headers = lines.indices.filter { lines[$0] == "[[figure]]" }
        // An unknown town in record 30,001 (a late part), then a syntax error near the end.
        let record = 30_000
        lines[headers[record] + 1] = "town = \"nowhere\""
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var errors = loadErrors(copy)
        XCTAssertEqual(errors.map(\.description), ["\(path):\(headers[record] + 2): figure[\(record + 1)].town: unknown town 'nowhere' (not in towns.toml)"])
        let bad = headers[headers.count - 3] + 3
        lines[bad] = "value = = 1"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        errors = loadErrors(copy)
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, bad + 1, errors.map(\.description).joined())
        XCTAssertTrue(errors.first?.problem.hasPrefix("TOML syntax:") == true)
    }

    /// figures.toml's later parts are parsed once, when their figures are read: a syntax error
    /// there still makes the load say only what opening the files found, in file order, as
    /// when every part was parsed at open (no problem of a record read before it).
    func testASyntaxErrorInALatePartLeavesOnlyTheProblemsOfOpening() throws {
        let copy = NSTemporaryDirectory() + "towns-large-late-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: Self.directory, toPath: copy)
        let path = copy + "/figures.toml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let headers = lines.indices.filter { lines[$0] == "[[figure]]" }
        // A problem in a record of part 0 and one in towns.toml, read before the late part.
        lines[headers[3] + 1] = "town = \"nowhere\""
        let bad = headers[headers.count - 10] + 2
        lines[bad] = "measure = = 1"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let towns = copy + "/towns.toml"
        try (String(contentsOfFile: towns, encoding: .utf8) + "\n[[town]]\nid = \"x\"\n").write(toFile: towns, atomically: true, encoding: .utf8)
        var issues = try loadIssues(copy)
        XCTAssertEqual(issues.count, 1, issues.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(issues.first?.file, path)
        XCTAssertEqual(issues.first?.line, bad + 1)
        XCTAssertEqual(issues.first?.kind, .syntax)
        // With another file that cannot be opened: both, in the order of the files.
        try FileManager.default.removeItem(atPath: copy + "/totals.toml")
        issues = try loadIssues(copy)
        XCTAssertEqual(issues.map(\.file), [path, copy + "/totals.toml"])
        XCTAssertEqual(issues.map(\.kind), [.syntax, .notFound])
    }

    private func loadIssues(_ dir: String) throws -> [LoadIssue] {
        do {
            _ = try DatasetLoader.load(directory: dir)
            XCTFail("loaded")
            return []
        } catch let failure as LoadFailure {
            return failure.issues
        }
    }
}
