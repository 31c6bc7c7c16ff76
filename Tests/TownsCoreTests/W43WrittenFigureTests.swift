import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// Wave 43 (fresh user, w43d): a figure's digits are counted as the file writes them, not as the
/// Double TOML reads (`13.5600000000000001` is the Double 13.56), and a figure written in a form
/// no report prints (`0x10`, `9_3`: valid TOML integers) is refused as written.
final class W43WrittenFigureTests: XCTestCase {
    /// The errors of Data/ with Haining's completed 13.56 (figures.toml) written `written`.
    func errors(writing written: String) throws -> (dir: String, errors: [LoadIssue]) {
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 13.56\n", with: "value = \(written)\n") }
        return (dir, loadErrors(dir))
    }

    func testAFloatLongerThanADoubleIsRefusedAsTheStringFormIs() throws {
        for written in ["13.5600000000000001", "13.56000000000000000000000000001", "9.3000000000000000001",
                        "13.560000000001", "+13.560000000001", "1.3560000000001e1"] {
            let (dir, errors) = try errors(writing: written)
            let error = try XCTUnwrap(errors.first, written)
            XCTAssertEqual(error.kind, .badAmount, "\(written): \(error.description)")
            XCTAssertEqual(error.line, try lineNumber(in: dir + "/figures.toml", of: "value = \(written)"), written)
            XCTAssertTrue(error.field?.hasSuffix(".value") ?? false, error.description)
            XCTAssertTrue(error.file.hasSuffix("/figures.toml"), error.description)
            // Refused as the same digits written as a string are.
            let (_, quoted) = try self.errors(writing: "\"\(written.hasPrefix("+") ? String(written.dropFirst()) : written)\"")
            if !written.contains("e") {
                XCTAssertEqual(quoted.first?.words(chinese: false), error.words(chinese: false), written)
                XCTAssertEqual(quoted.first?.words(chinese: true), error.words(chinese: true), written)
            }
            XCTAssertFalse(error.words(chinese: true).contains("at most"), error.words(chinese: true))
        }
        // 10 significant digits as a float: the shorter one's message, with the digits as written.
        let (_, errors) = try errors(writing: "13.560000000001")
        XCTAssertTrue(try XCTUnwrap(errors.first).words(chinese: false)
            .contains("13.560000000001 has more significant digits than a report prints: at most 10"))
        // What a report prints still loads, trailing zero or exponent alike.
        for written in ["13.56", "13.560", "1.356e1", "+13.56"] {
            XCTAssertEqual(try self.errors(writing: written).errors.map(\.description), [], written)
        }
    }

    func testHexOctalBinaryAndUnderscoresAreRefusedAsWritten() throws {
        for written in ["0x10", "0o20", "0b1", "9_3", "1_3.56", "13.5_6", "1_0e1"] {
            let (dir, errors) = try errors(writing: written)
            let error = try XCTUnwrap(errors.first, written)
            XCTAssertEqual(error.line, try lineNumber(in: dir + "/figures.toml", of: "value = \(written)"), written)
            XCTAssertTrue(error.field?.hasSuffix(".value") ?? false, error.description)
            XCTAssertTrue(error.words(chinese: false).contains("\(written) is not a figure as a report prints it"),
                          error.words(chinese: false))
            XCTAssertTrue(error.words(chinese: true).contains("\(written) 不是报告所印的数字写法"), error.words(chinese: true))
            XCTAssertNotEqual(LoadFailure(issues: errors).exitCode, 0)
        }
        // `more_than` is read as `value` is.
        let dir = try brokenCopy("figures.toml") { $0.replacingOccurrences(of: "value = 13.56\n", with: "more_than = 0x10\n") }
        let error = try XCTUnwrap(loadErrors(dir).first)
        XCTAssertTrue(error.field?.hasSuffix(".more_than") ?? false, error.description)
        XCTAssertTrue(error.words(chinese: false).contains("0x10 is not a figure"), error.description)
    }

    /// The other numbers read as integers (province.toml's counts, a town's type) are read alike.
    func testIntegersElsewhereAreReadAlike() throws {
        for (file, from, to) in [("province.toml", "count = 37\n", "count = 0x25\n"),
                                 ("province.toml", "count = 37\n", "count = 3_7\n"),
                                 ("towns.toml", "type = 1\n", "type = 0b1\n")] {
            let dir = try brokenCopy(file) { $0.replacingOccurrences(of: from, with: to) }
            let written = String(to.dropFirst(to.hasPrefix("count") ? 8 : 7).dropLast())
            let errors = loadErrors(dir)
            let error = try XCTUnwrap(errors.first { $0.words(chinese: false).contains("\(written) is not a figure") },
                                      "\(file) \(written): \(errors.map(\.description))")
            XCTAssertTrue(error.file.hasSuffix("/" + file), error.description)
            XCTAssertEqual(error.line, try lineNumber(in: dir + "/" + file, of: to.dropLast().description))
            XCTAssertTrue(error.words(chinese: true).contains("\(written) 不是报告所印的数字写法"), error.words(chinese: true))
        }
    }
}
