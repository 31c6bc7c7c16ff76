import Foundation
import TownsCore
@testable import TownsImport
import XCTest

/// Numbers, months, headers and encodings as statistics offices write them.
final class SheetReadingTests: XCTestCase {
    func value(_ raw: String, percent: Bool = false) -> SheetNumber { SheetNumber.parse(raw, percent: percent) }
    func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    func testNumberForms() {
        XCTAssertEqual(value("13.56"), .value(dec("13.56"), decimals: 2))
        XCTAssertEqual(value("１３．５６"), .value(dec("13.56"), decimals: 2), "full-width digits and point")
        XCTAssertEqual(value("  9.30 "), .value(dec("9.3"), decimals: 2), "spaces trimmed, trailing zero kept as precision")
        XCTAssertEqual(value("\u{3000}140\u{3000}"), .value(140, decimals: 0), "ideographic spaces")
        XCTAssertEqual(value("1,234.5"), .value(dec("1234.5"), decimals: 1), "thousands separator")
        XCTAssertEqual(value("１，２３４，５６７"), .value(1234567, decimals: 0), "full-width thousands separators")
        XCTAssertEqual(value("+12"), .value(12, decimals: 0))
        XCTAssertEqual(value("72.9%", percent: true), .value(dec("72.9"), decimals: 1))
        XCTAssertEqual(value("７２．９％", percent: true), .value(dec("72.9"), decimals: 1), "full-width percent")
        XCTAssertEqual(value("72.9 %", percent: true), .value(dec("72.9"), decimals: 1))
        for blank in ["", "  ", "-", "—", "–", "/"] { XCTAssertEqual(value(blank), .blank, "'\(blank)' is unknown, not 0") }
    }

    func testRefusedNumbers() {
        func problem(_ raw: String, percent: Bool = false) -> String? {
            if case let .invalid(p) = value(raw, percent: percent) { return p.english }
            return nil
        }
        XCTAssertEqual(problem("-3.2"), "'-3.2' is negative")
        XCTAssertEqual(problem("−3.2"), "'−3.2' is negative", "minus sign U+2212")
        XCTAssertTrue(problem("1,23")?.contains("a comma may only separate thousands") == true)
        XCTAssertTrue(problem("12,3456")?.contains("a comma may only separate thousands") == true)
        XCTAssertTrue(problem("1.2E+05")?.contains("exponent") == true)
        XCTAssertTrue(problem("72.9%")?.contains("not a rate") == true)
        XCTAssertEqual(problem("约13"), "'约13' is not a number")
        XCTAssertEqual(problem("13.5.6"), "'13.5.6' is not a number (more than one decimal point)")
        // More digits than any figure has (and than a 64-bit whole number in the file holds).
        XCTAssertEqual(problem("3333333333333333"), "'3333333333333333' has 16 digits before the point; a figure has at most 15")
        XCTAssertEqual(problem("3,333,333,333,333,333.5"), "'3,333,333,333,333,333.5' has 16 digits before the point; a figure has at most 15")
        // After the point too, as the loader reads it (the fuzzer's 6.8577777777777777 was accepted
        // by the sheet and refused in the file the import would have written).
        XCTAssertEqual(problem("6.8577777777777777"),
                       "'6.8577777777777777' has 16 digits after the point; a figure has at most 15")
        XCTAssertNil(problem("6.857777777777777"), "15 digits after the point are read")
        XCTAssertNil(problem("999,999,999,999,999"), "15 digits are a number")
        XCTAssertNil(problem("0000000000000000012"), "leading zeros are not digits of the figure")
        XCTAssertEqual(problem("."), "'.' is not a number")
        XCTAssertEqual(problem("12 345"), "'12 345' is not a number")
    }

    /// Every sheet in Fuzz/regressions/import/ (sheets the fuzzer found the import accepting
    /// while the file it would write did not load): refused now, or written so that it loads.
    func testEveryImportRegressionSheetIsRefusedOrLoads() throws {
        let folder = repositoryRoot + "/Fuzz/regressions/import"
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertFalse(inputs.isEmpty)
        let dataset = try DatasetLoader.load(directory: bundledData).dataset
        for input in inputs {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + input)))
            guard let text = try? SheetText(bytes: bytes, file: input) else { continue }
            let sheet = MonthlySheet(text: text, file: input)
            let checked = MonthlyImport(sheet: sheet, dataset: dataset, currentMonth: SheetPeriod(year: 2016, month: 1))
            guard checked.errors.isEmpty, let period = checked.period, let unit = sheet.unit, !checked.entries.isEmpty else { continue }
            let file = MonthlyFile(checked: checked, sheetName: input, encoding: text.encoding, unit: unit,
                                   periodIsNew: dataset.period(period.id) == nil, date: "2016-01-15 00:00")
            let scratch = NSTemporaryDirectory() + "towns-import-regression-\(UUID().uuidString).toml"
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: scratch))
            XCTAssertNoThrow(try DatasetLoader.load(directory: bundledData, monthlyOverride: .init(name: file.name, path: scratch)), input)
        }
    }

    func testPeriodForms() throws {
        for raw in ["2015-10", " 2015-10 ", "２０１５－１０", "2015年10月", "2015年1-10月", "2015年1—10月", "２０１５年１０月"] {
            XCTAssertEqual(try SheetPeriod.parse(raw).get(), SheetPeriod(year: 2015, month: 10), raw)
        }
        XCTAssertEqual(try SheetPeriod.parse("2016-1").get(), SheetPeriod(year: 2016, month: 1))
        XCTAssertEqual(SheetPeriod(year: 2016, month: 1).id, "2016-01")
        for raw in ["2015/10", "2015.10", "201510", "2015-10-01", "Oct-15", "10月", "2015-", ""] {
            XCTAssertThrowsError(try SheetPeriod.parse(raw).get(), raw)
        }
        if case let .failure(p) = SheetPeriod.parse("2015-13") { XCTAssertEqual(p.description, "'2015-13': 13 is not a month (1-12)") } else { XCTFail() }
        if case let .failure(p) = SheetPeriod.parse("2015/10") { XCTAssertTrue(p.description.contains("write the month as YYYY-MM (2015-10) or 2015年10月"), p.description) } else { XCTFail() }
    }

    func testHeaderNamesAndUnits() {
        XCTAssertEqual(SheetColumn.header("累计完成投资（万元）"), .init(column: .completed, name: "累计完成投资", unit: "万元"))
        XCTAssertEqual(SheetColumn.header("completed (亿元)"), .init(column: .completed, name: "completed", unit: "亿元"))
        XCTAssertEqual(SheetColumn.header(" Completion Rate (%) ").column, .completionRate)
        XCTAssertEqual(SheetColumn.header("completion_rate").column, .completionRate)
        XCTAssertEqual(SheetColumn.header("小镇名称").column, .town)
        XCTAssertEqual(SheetColumn.header("Town").column, .town)
        XCTAssertEqual(SheetColumn.header("已开工项目（个）").column, .projectsStarted)
        XCTAssertEqual(SheetColumn.header("期间").column, .period)
        XCTAssertNil(SheetColumn.header("备注").column)
    }

    func testEncodingDetection() throws {
        let text = headerYi + "\n" + rowsYi
        XCTAssertEqual(try SheetText(bytes: Array(text.utf8), file: "f").encoding, .utf8)
        let bom = try SheetText(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "f")
        XCTAssertEqual(bom.encoding, .utf8BOM)
        XCTAssertEqual(bom.text, text, "the mark is dropped")
        let gb = try SheetText(bytes: gb18030(text), file: "f")
        XCTAssertEqual(gb.encoding, .gb18030)
        XCTAssertEqual(gb.text, text)
        XCTAssertNotEqual(gb18030(text), Array(text.utf8))
        // A character outside GBK (four bytes in GB18030) comes back too.
        XCTAssertEqual(try SheetText(bytes: gb18030("小镇,𠀀,€\n"), file: "f").text, "小镇,𠀀,€\n")
    }

    /// A sheet with a UTF-8 header and rows pasted in from a GB18030 file names a line of each,
    /// instead of a unit error on a header read as GB18030 (README's known gap, now closed).
    func testMixedEncodingsNameALineOfEach() {
        let bytes = Array((headerYi + "\n").utf8) + gb18030(rowsYi)
        XCTAssertThrowsError(try SheetText(bytes: bytes, file: "mixed.csv")) { error in
            let issue = error as? LoadIssue
            XCTAssertEqual(issue?.line, 2, "\(error)")
            XCTAssertTrue(issue?.problem.contains("line 1 is UTF-8 but line 2 is not") == true, "\(error)")
        }
        // All GB18030, or all UTF-8: read as before (no false "mixed").
        XCTAssertEqual(try SheetText(bytes: gb18030(headerYi + "\n" + rowsYi), file: "f").encoding, .gb18030)
        XCTAssertNil(SheetText.mixedEncodingLines(gb18030(headerYi + "\n" + rowsYi)))
        XCTAssertNil(SheetText.mixedEncodingLines(Array((headerYi + "\n" + rowsYi).utf8)))
    }

    func testUndecodableBytesNameTheLine() {
        // Line 3 has 0xFF, which neither UTF-8 nor GB18030 allows.
        let bytes = Array("a,b\nc,d\n".utf8) + [0xFF, 0x0A]
        XCTAssertThrowsError(try SheetText(bytes: bytes, file: "bad.csv")) { error in
            let issue = error as? LoadIssue
            XCTAssertEqual(issue?.line, 3)
            XCTAssertTrue(issue?.problem.contains("neither UTF-8") == true, "\(error)")
            XCTAssertTrue(issue?.description.hasPrefix("bad.csv:3: ") == true, "\(error)")
        }
        XCTAssertThrowsError(try SheetText(bytes: [0xFF, 0xFE, 0x41, 0x00], file: "u16.csv")) { error in
            XCTAssertTrue("\(error)".contains("UTF-16"), "\(error)")
        }
    }

    func testRowLinesCountLineBreaksInsideQuotedFields() {
        let text = "title line\n小镇,期间,累计完成投资（亿元）,备注\n海宁皮革时尚小镇,2015-10,15.21,\"two\nlines\"\r\n\n南湖基金小镇,2015-10,\"1,234.5\",x\n"
        let sheet = MonthlySheet(text: try! SheetText(bytes: Array(text.utf8), file: "f"), file: "f")
        XCTAssertEqual(sheet.headerLine, 2)
        XCTAssertEqual(sheet.skippedTitleLines, 1)
        XCTAssertEqual(sheet.rows.map(\.line), [3, 6], "a quoted field over two lines, then a blank line")
        XCTAssertEqual(sheet.cell(.completed, in: sheet.rows[1])?.text, "1,234.5")
        XCTAssertEqual(sheet.cell(.completed, in: sheet.rows[1])?.column, 3)
        XCTAssertEqual(sheet.unit, .yi)
        XCTAssertEqual(sheet.issues.map(\.description), ["f:2:4: warning: header: column '备注' is not read (known: 小镇/town, 期间/period, 累计完成投资/completed, 完成率/completion_rate, 已开工项目/projects_started)"])
    }

    func testWanConversion() {
        XCTAssertTrue(MonthlyImport.fromWan(135600, decimals: 0) == (dec("13.56"), 2))
        XCTAssertTrue(MonthlyImport.fromWan(124000, decimals: 0) == (dec("12.4"), 2))
        XCTAssertTrue(MonthlyImport.fromWan(12345, decimals: 0) == (dec("1.2345"), 4))
        XCTAssertTrue(MonthlyImport.fromWan(dec("1234.5"), decimals: 1) == (dec("0.12345"), 5))
    }
}
