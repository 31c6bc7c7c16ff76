import Foundation
import TownsCore
import XCTest

/// Wave 34's fresh user (T): a data file cut in the middle of a UTF-8 character said only `not
/// valid UTF-8 text (save the file as UTF-8)`, no hint that it was cut short. It says so, with the
/// file, the line and the field the cut line begins, in both languages.
final class W34UiCutShortTests: XCTestCase {
    func testAFileCutInsideACharacterSaysItMayBeCutShort() throws {
        let dir = try brokenCopy("towns.toml") { $0 }
        let path = dir + "/towns.toml"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes, as: UTF8.self)
        // The second town's Chinese name, cut after the first byte of its first character.
        // A record's header starts its line (the file's comments name `[[town]]` too).
        let first = try XCTUnwrap(text.range(of: "\n[[town]]\n"))
        let second = try XCTUnwrap(text.range(of: "\n[[town]]\n", range: first.upperBound..<text.endIndex))
        let name = try XCTUnwrap(text.range(of: "name_zh = \"", range: second.upperBound..<text.endIndex))
        let cut = text[..<name.upperBound].utf8.count + 1
        try Data(bytes.prefix(cut)).write(to: URL(fileURLWithPath: path))
        let line = text[..<name.upperBound].filter { $0 == "\n" }.count + 1
        XCTAssertThrowsError(try DatasetLoader.load(directory: dir)) { error in
            guard let issue = (error as? LoadFailure)?.issues.first else { return XCTFail("\(error)") }
            XCTAssertEqual(issue.kind, .notUTF8)
            XCTAssertEqual(issue.file.hasSuffix("towns.toml"), true, issue.file)
            XCTAssertEqual(issue.line, line)
            XCTAssertEqual(issue.field, "town[2].name_zh")
            XCTAssertTrue(issue.description(chinese: false).contains("ends in the middle of a character; was it cut short?"),
                          issue.description(chinese: false))
            XCTAssertTrue(issue.description(chinese: true).contains("是否被截断"), issue.description(chinese: true))
        }
    }

    /// A bad byte that is not a cut character keeps the words it had (LoaderErrorTests.testNotUTF8).
    func testABadByteElsewhereIsNotCalledCutShort() throws {
        let dir = try brokenCopy("towns.toml") { $0 }
        var data = try Data(contentsOf: URL(fileURLWithPath: dir + "/towns.toml"))
        data.append(contentsOf: [0x0a, 0x23, 0xe6, 0x0a])  // a lead byte, then a newline: not at the end
        try data.write(to: URL(fileURLWithPath: dir + "/towns.toml"))
        XCTAssertThrowsError(try DatasetLoader.load(directory: dir)) { error in
            let words = (error as? LoadFailure)?.issues.first?.description(chinese: false) ?? "\(error)"
            XCTAssertFalse(words.contains("cut short"), words)
            XCTAssertTrue(words.contains("not valid UTF-8"), words)
        }
    }
}
