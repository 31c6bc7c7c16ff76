@testable import TownsCore
import Foundation
import XCTest
import TownsSynthetic

/// Wave 38: a TOML syntax error names the field its line begins (`figure[3].value`, `roles.title`,
/// `period`), its Chinese says what went wrong in Chinese (the parser's English only as a quoted
/// aside, and "文字须加引号" for a bare word where a value belongs), and a figure's amount beyond
/// 64 bits typed without a point is the amount's error (exit 13), as with `.0`.
final class W38TOMLSyntaxTests: XCTestCase {
    /// The error `GuardedTOML.parse` throws for `text`.
    private func syntaxError(_ text: String, file: String = "t.toml") throws -> LoadIssue {
        do {
            _ = try GuardedTOML.parse(text, file: file)
        } catch let issue as LoadIssue {
            return issue
        }
        XCTFail("parsed: \(text)")
        throw CancellationError()
    }

    /// The first error loading a copy of the bundled data with line `needle` of figures.toml
    /// replaced by `line`; and that line's number.
    private func figuresError(_ needle: String, _ line: String) throws -> (LoadIssue, Int) {
        let dir = try brokenCopy("figures.toml") { text in
            text.replacingOccurrences(of: needle + "\n", with: line + "\n")
        }
        let number = try lineNumber(in: dir + "/figures.toml", of: line)
        let first = try XCTUnwrap(loadErrors(dir).first)
        return (first, number)
    }

    // MARK: the field

    func testARecordsKeyIsNamedAsTheLoaderNamesIt() throws {
        let (issue, line) = try figuresError("value = 51.2", "value = 51.2x6")
        XCTAssertEqual(issue.kind, .syntax)
        XCTAssertEqual(issue.line, line)
        // The bundled figures.toml: 51.2 is Jiashan's plan_total, the figure counted by its `[[figure]]`.
        let text = try String(contentsOfFile: bundledData + "/figures.toml", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let records = lines[..<(line - 1)].filter { $0 == "[[figure]]" }.count
        XCTAssertEqual(issue.field, "figure[\(records)].value")
        XCTAssertTrue(issue.description.hasPrefix("\(issue.file):\(line):13: figure[\(records)].value: TOML syntax: "),
                      issue.description)
    }

    func testATablesKeyAndATopLevelKeyAreNamed() throws {
        let table = try syntaxError("period = \"2015-09\"\n[colors]\nfg = 12x\n")
        XCTAssertEqual(table.line, 3)
        XCTAssertEqual(table.field, "colors.fg")
        let top = try syntaxError("# a comment\nperiod = 2015-1x\n[colors]\nfg = 1\n")
        XCTAssertEqual(top.line, 2)
        XCTAssertEqual(top.field, "period")
        // Records counted by their own name, whatever comes between.
        let record = try syntaxError("[[town]]\nid = 1\n[[figure]]\nv = 1\n[[town]]\nid = 2\n[[town]]\nid = 3x\n")
        XCTAssertEqual(record.field, "town[3].id")
    }

    func testALineWithNoKeyNamesNoField() throws {
        let header = try syntaxError("[[figure]]\nvalue = 1\n[[figure\n")
        XCTAssertEqual(header.line, 3)
        XCTAssertNil(header.field)
        XCTAssertEqual(header.description.split(separator: ":").prefix(4).count, 4)
        XCTAssertFalse(header.description.contains("figure[1]"), header.description)
    }

    func testAThemeFilesKeyIsNamed() throws {
        let path = repositoryRoot + "/Themes/light.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "barFill    = { fg = 28 }", with: "barFill    = { fg = 28x }")
        let issue = try syntaxError(text, file: path)
        XCTAssertEqual(issue.field, "roles.barFill")
        XCTAssertTrue(issue.description(chinese: true).contains(": roles.barFill: TOML 语法错误："))
    }

    func testTheGuardsErrorsNameTheirFieldToo() throws {
        let issue = try syntaxError("[[figure]]\nquote = \"a\u{0}b\"\n")
        XCTAssertEqual(issue.line, 2)
        XCTAssertEqual(issue.field, "figure[1].quote")
        XCTAssertTrue(issue.description(chinese: true).contains("NUL 字节"), issue.description(chinese: true))
    }

    /// A file cut short inside a character names its field as before (`fieldOfLastLine`, now the same
    /// counting as a syntax error's).
    func testTheLastLineOfAFileCutShortIsNamedAsBefore() {
        XCTAssertEqual(TOMLDocument.fieldOfLastLine(Array("[[town]]\nid = 1\n[[town]]\nname_zh = \"海".utf8)),
                       "town[2].name_zh")
        XCTAssertEqual(TOMLDocument.fieldOfLastLine(Array("name_zh = \"海".utf8)), "name_zh")
        XCTAssertNil(TOMLDocument.fieldOfLastLine(Array("[[town]]\n\"海".utf8)))
    }

    // MARK: the words

    func testTheChineseSaysWhatWentWrongInChinese() throws {
        let (issue, _) = try figuresError("value = 51.2", "value = 51.2x6")
        let zh = issue.description(chinese: true)
        XCTAssertFalse(zh.contains("Error while parsing"), zh)
        XCTAssertTrue(zh.contains("TOML 语法错误：浮点数写错了（解析器原话：expected decimal digit, saw 'x'）；文字须加引号"), zh)
        let en = issue.description(chinese: false)
        XCTAssertTrue(en.contains(": TOML syntax: Error while parsing floating-point: expected decimal digit, saw 'x'"), en)
        XCTAssertTrue(en.hasSuffix("text must be quoted (\"...\")"), en)
    }

    func testABareWordGetsTheHintAndAMissingEqualsSignDoesNot() throws {
        let word = try syntaxError("[[town]]\nname_zh = 海宁\n")
        XCTAssertTrue(word.words(chinese: true).contains("文字须加引号"), word.words(chinese: true))
        XCTAssertTrue(word.words(chinese: false).hasPrefix("TOML syntax: "), word.words(chinese: false))
        XCTAssertTrue(word.words(chinese: false).contains("text must be quoted"), word.words(chinese: false))
        let noEquals = try syntaxError("[[town]]\nname_zh \"海宁\"\n")
        XCTAssertFalse(noEquals.words(chinese: true).contains("引号"), noEquals.words(chinese: true))
        XCTAssertFalse(noEquals.words(chinese: false).contains("quoted"), noEquals.words(chinese: false))
    }

    /// Every syntax error of a list of typos reads as Chinese, with no `Error while parsing`, and as
    /// `TOML syntax: ` in English.
    func testNoChineseLineCarriesTheParsersSentence() throws {
        let typos = ["v = 51.2x6", "v = 海宁", "v = tru", "v = 2015-13-01x", "v = [1, 2", "v = { a = 1", "v = \"a",
                     "v = 'a", "v == 1", "[t", "v = 0x", "v = 1__0", "v = 01", "v = ", "v = 1979-05-27T07:32:00Zx"]
        for typo in typos {
            let issue = try syntaxError(typo + "\n")
            XCTAssertEqual(issue.kind, .syntax, typo)
            let zh = issue.words(chinese: true)
            XCTAssertTrue(zh.hasPrefix("TOML 语法错误："), "\(typo): \(zh)")
            XCTAssertFalse(zh.contains("Error while parsing"), "\(typo): \(zh)")
            XCTAssertFalse(zh.contains("处写错了"), "\(typo): a <what> without its Chinese: \(zh)")
            XCTAssertTrue(issue.words(chinese: false).hasPrefix("TOML syntax: Error while parsing "),
                          "\(typo): \(issue.words(chinese: false))")
        }
    }

    func testAnUnknownShapeFallsBackToChinese() {
        XCTAssertEqual(TOMLSyntaxWords(detail: "Error while parsing gizmo: saw 'x'").chinese,
                       "「gizmo」处写错了（解析器原话：saw 'x'）")
        XCTAssertEqual(TOMLSyntaxWords(detail: "something else").chinese, "写法不对（解析器原话：something else）")
    }

    // MARK: beyond 64 bits

    func testAWholeNumberBeyond64BitsIsTheAmountsError() throws {
        let (issue, line) = try figuresError("value = 51.2", "value = 99999999999999999999")
        let (pointed, pointedLine) = try figuresError("value = 51.2", "value = 99999999999999999999.0")
        XCTAssertEqual(line, pointedLine)
        XCTAssertEqual(issue.kind, .badAmount)
        XCTAssertEqual(issue.kind, pointed.kind)
        XCTAssertEqual(issue.kind.exitCode, 13)
        XCTAssertEqual(issue.field, pointed.field)
        XCTAssertEqual(issue.line, line)
        XCTAssertEqual(issue.description,
                       "\(issue.file):\(line): \(pointed.field!): 99999999999999999999 has 20 digits before the point and 0 after; "
                       + "a figure has at most 15 before and 15 after (0 to 999999999999999)")
        XCTAssertTrue(issue.description(chinese: true).hasSuffix("99999999999999999999 小数点前 20 位、后 0 位；数值最多小数点前 15 位、后 15 位（0 至 999999999999999）"),
                      issue.description(chinese: true))
    }

    func testAFloatBeyond64BitsIsTheAmountsError() throws {
        let (issue, line) = try figuresError("value = 51.2", "value = 1e400")
        XCTAssertEqual(issue.kind, .badAmount)
        XCTAssertEqual(issue.line, line)
        XCTAssertTrue(issue.description.hasSuffix(".value: 1e400 is too large or too small for an amount"), issue.description)
        XCTAssertTrue(issue.description(chinese: true).hasSuffix(".value: 1e400 过大或过小，不能作为金额"),
                      issue.description(chinese: true))
        let (pointed, _) = try figuresError("value = 51.2", "value = 1.5e400")
        XCTAssertTrue(pointed.description.hasSuffix(".value: 1.5e400 is too large or too small for an amount"),
                      pointed.description)
        // Any other float the parser cannot read stays a syntax error.
        XCTAssertNil(GuardedTOML.numberBeyond64Bits("Error while parsing floating-point: '1.5' could not be interpreted as a value"))
        XCTAssertNil(GuardedTOML.numberBeyond64Bits("Error while parsing floating-point: expected decimal digit, saw 'x'"))
    }

    func testANegativeWholeNumberBeyond64BitsIsNegative() throws {
        let (issue, _) = try figuresError("value = 51.2", "value = -99999999999999999999")
        XCTAssertEqual(issue.kind, .badAmount)
        XCTAssertTrue(issue.description.hasSuffix(": -99999999999999999999 is negative"), issue.description)
    }

    /// Only a figure's amount: a number beyond 64 bits elsewhere stays a syntax error (with its field).
    func testANumberBeyond64BitsOutsideAFiguresAmountStaysASyntaxError() throws {
        let dir = try brokenCopy("towns.toml") { $0.replacingOccurrences(of: "type = 2\n", with: "type = 99999999999999999999\n") }
        let issue = try XCTUnwrap(loadErrors(dir).first)
        XCTAssertEqual(issue.kind, .syntax)
        XCTAssertEqual(issue.field?.hasPrefix("town["), true, issue.description)
        XCTAssertEqual(issue.field?.hasSuffix("].type"), true, issue.description)
        XCTAssertTrue(issue.words(chinese: true).hasPrefix("TOML 语法错误：整数写错了（解析器原话："), issue.words(chinese: true))
    }

    /// A large file read in parts: the error has the whole file's line and the record counted in the
    /// whole file, not in its part.
    func testALatePartsErrorNamesTheRecordOfTheWholeFile() throws {
        // A dataset of its own (`LargeFileTests.directory` is removed when that suite ends).
        let copy = NSTemporaryDirectory() + "towns-w38-large-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try SyntheticDataset(towns: 3200, months: 60, seed: 4).write(to: copy, rules: nil)
        let path = copy + "/figures.toml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        XCTAssertGreaterThan(size, TOMLDocument.partThreshold, "large enough to be read in parts")
        let headers = lines.indices.filter { lines[$0] == "[[figure]]" }
        XCTAssertGreaterThan(headers.count, 10 * TOMLDocument.partRecords)
        let record = headers.count - 5
        let bad = try XCTUnwrap((headers[record]..<lines.count).first { lines[$0].hasPrefix("town = ") })
        lines[bad] = "town = nowhere"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let issue = try XCTUnwrap(loadErrors(copy).first)
        XCTAssertEqual(issue.line, bad + 1)
        XCTAssertEqual(issue.field, "figure[\(record + 1)].town")
    }
}
