import Foundation
import XCTest

/// Wave 11, through the real binary: a bad value in the data (`towns check`) and a bad cell in a
/// monthly sheet (`towns import`) are said in Chinese under `--lang zh`, in English under
/// `--lang en`, and in ASCII English under LANG=C, each naming the file, line and field.
final class W11ProblemWordsEndToEndTests: XCTestCase {
    var binary: String!
    var folder: URL!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-e2e-w11-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.data, toPath: folder.appendingPathComponent("Data").path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    var data: String { folder.appendingPathComponent("Data").path }

    /// The environment of a user with LANG=C (no other locale variable).
    var cLocale: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANGUAGE"] { env[key] = nil }
        env["LANG"] = "C"
        return env
    }

    func assertASCII(_ text: String, _ label: String) {
        XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), "\(label): not ASCII\n\(text)")
    }

    func testABadValueInTheDataInBothLanguagesAndASCII() throws {
        let path = data + "/towns.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: "mode = \"joint\""))
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        try text.replacingCharacters(in: range, with: "mode = \"solo\"").write(toFile: path, atomically: true,
                                                                               encoding: .utf8)
        let place = "\(path):\(line): town["
        let zh = try runProcess(binary, ["check", "--data", data, "--lang", "zh"])
        XCTAssertEqual(zh.status, 14, zh.summary)
        let zhLine = try XCTUnwrap(zh.stderr.components(separatedBy: "\n").first { $0.hasPrefix(place) }, zh.summary)
        XCTAssertTrue(zhLine.hasSuffix("].mode: 「solo」不是运营模式（group-led、joint）"), zhLine)
        let en = try runProcess(binary, ["check", "--data", data, "--lang", "en"])
        XCTAssertEqual(en.status, 14, en.summary)
        let enLine = try XCTUnwrap(en.stderr.components(separatedBy: "\n").first { $0.hasPrefix(place) }, en.summary)
        XCTAssertTrue(enLine.hasSuffix("].mode: 'solo' is not a mode (group-led, joint)"), enLine)
        let c = try runProcess(binary, ["check", "--data", data], environment: cLocale)
        XCTAssertEqual(c.status, 14, c.summary)
        XCTAssertTrue(c.stderr.contains(enLine), "LANG=C: the English line\n\(c.summary)")
        assertASCII(c.stderr + c.stdout, "towns check under LANG=C")
    }

    func testABadSheetCellInBothLanguagesAndASCII() throws {
        let sheet = folder.appendingPathComponent("sheet.csv").path
        try "town,period,completed (亿元)\nhaining,2015-10,-3\nhaining-x,2015-10,2\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        let zh = try runProcess(binary, ["import", sheet, "--data", data, "--dry-run", "--lang", "zh"])
        XCTAssertEqual(zh.status, 1, zh.summary)
        XCTAssertTrue(zh.stderr.contains("\(sheet):2:3: completed: 「-3」是负数"), zh.summary)
        XCTAssertTrue(zh.stderr.contains("\(sheet):3:1: town: 未知的小镇「haining-x」"), zh.summary)
        XCTAssertFalse(zh.stderr.contains("is negative"), zh.summary)
        let en = try runProcess(binary, ["import", sheet, "--data", data, "--dry-run", "--lang", "en"])
        XCTAssertEqual(en.status, 1, en.summary)
        XCTAssertTrue(en.stderr.contains("\(sheet):2:3: completed: '-3' is negative"), en.summary)
        XCTAssertTrue(en.stderr.contains("\(sheet):3:1: town: unknown town 'haining-x'"), en.summary)
        // LANG=C: English; the line of the negative cell is ASCII (the unknown town's line lists
        // the towns' Chinese names, which are data).
        let c = try runProcess(binary, ["import", sheet, "--data", data, "--dry-run"], environment: cLocale)
        XCTAssertEqual(c.status, 1, c.summary)
        let negative = try XCTUnwrap(c.stderr.components(separatedBy: "\n").first { $0.hasPrefix("\(sheet):2:3:") },
                                     c.summary)
        XCTAssertEqual(negative, "\(sheet):2:3: completed: '-3' is negative")
        assertASCII(negative, "towns import under LANG=C")
    }
}
