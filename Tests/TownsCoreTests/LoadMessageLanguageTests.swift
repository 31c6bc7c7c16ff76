import Foundation
import TownsCore
import XCTest

/// Wave 8: a load problem is data (`LoadMessage`), worded in the session's language: every kind
/// has Chinese and English words, each in one language, and a message keeps its file, line
/// and field in both.
final class LoadMessageLanguageTests: XCTestCase {
    /// A run of 3 or more English words (the other language's prose in Chinese text).
    let englishRun = "[A-Za-z]{2,}[ ,;:()'-]+[A-Za-z]{2,}[ ,;:()'-]+[A-Za-z]{2,}"

    /// The words of a message, with its arguments (ids, file names, the parser's and the
    /// system's words) taken out: what the word table itself says.
    func own(_ text: String, _ message: LoadMessage) -> String {
        var t = text
        for argument in ["figures.toml (900 -> 300 bytes)", "Input/output error", "expected '='", "'a' -> 'b'",
                         "towns.toml", "sources.toml", "entities.toml", "YYYY-MM.toml", "name_zh", "UTF-8",
                         "TOML", "FIFO", "CSV"] {
            t = t.replacingOccurrences(of: argument, with: " ")
        }
        return t
    }

    func testEveryKindHasWordsInBothLanguagesEachInOneLanguage() {
        XCTAssertGreaterThan(LoadMessage.Kind.allCases.count, 30)
        for kind in LoadMessage.Kind.allCases {
            let m = LoadMessage.sample(kind)
            XCTAssertEqual(m.kind, kind)
            XCTAssertFalse(m.english.isEmpty, "\(kind)")
            XCTAssertNotEqual(m.chinese, m.english, "\(kind)")
            XCTAssertNotNil(m.chinese.range(of: "\\p{Han}", options: .regularExpression), "\(kind): \(m.chinese)")
            XCTAssertNil(own(m.chinese, m).range(of: englishRun, options: .regularExpression),
                         "\(kind): \(m.chinese)")
            XCTAssertNil(m.english.range(of: "\\p{Han}", options: .regularExpression), "\(kind): \(m.english)")
            XCTAssertEqual(m.words(chinese: true), m.chinese)
            XCTAssertEqual(m.words(chinese: false), m.english)
        }
    }

    /// A message travels in a snapshot (as JSON): every kind reads back as written.
    func testEveryKindReadsBackFromJSON() throws {
        for kind in LoadMessage.Kind.allCases {
            let m = LoadMessage.sample(kind)
            XCTAssertEqual(try JSONDecoder().decode(LoadMessage.self, from: try JSONEncoder().encode(m)), m, "\(kind)")
        }
    }

    /// Every value of the small enums a message names has words in both languages.
    func testTheNamedThingsHaveBothWords() {
        let pairs: [(String, String)] = LoadMessage.Expected.allCases.map { ($0.english, $0.chinese) }
            + LoadMessage.Found.allCases.map { ($0.english, $0.chinese) }
            + LoadMessage.FileRole.allCases.map { ($0.english, $0.chinese) }
            + LoadMessage.Folder.allCases.map { ($0.english, $0.chinese) }
        for (en, zh) in pairs {
            XCTAssertNil(en.range(of: "\\p{Han}", options: .regularExpression), en)
            XCTAssertNotNil(zh.range(of: "\\p{Han}", options: .regularExpression), zh)
        }
        for kind in LoadIssue.Kind.allCases {
            XCTAssertNotNil(kind.summaryZH.range(of: "\\p{Han}", options: .regularExpression), "\(kind)")
        }
    }

    /// A real load's problems: the English description is as it always was; the Chinese one
    /// keeps the file, line and field and says the problem in Chinese.
    func testALoadProblemKeepsFileLineAndFieldInChinese() throws {
        let dir = try brokenCopy("towns.toml") {
            $0.replacingOccurrences(of: "list_source = \"", with: "list_source = \"nowhere-", options: [],
                                    range: $0.range(of: "list_source = \""))
        }
        let errors = loadErrors(dir)
        let issue = try XCTUnwrap(errors.first { $0.message?.kind == .unknownSource }, "\(errors)")
        XCTAssertEqual(issue.problem, issue.message?.english)
        XCTAssertTrue(issue.description.contains("unknown source 'nowhere-"), issue.description)
        let zh = issue.description(chinese: true)
        let line = try XCTUnwrap(issue.line)
        let field = try XCTUnwrap(issue.field)
        XCTAssertTrue(zh.hasPrefix("\(issue.file):\(line): \(field): 未知的来源「nowhere-"), zh)
        XCTAssertEqual(issue.description(chinese: false), issue.description)
    }

    /// A warning says 警告 in Chinese, and a problem still given as free English words says them
    /// in both languages (tests only since wave 11: the loaders and towns import build none).
    func testWarningWordAndFreeProblems() {
        let w = LoadIssue(.warning, .unknownField, file: "towns.toml", line: 3, field: "town[1].nmae",
                          .unknownField(known: ["name_en", "name_zh"]))
        XCTAssertEqual(w.description, "towns.toml:3: warning: town[1].nmae: unknown field (ignored); known fields: "
                       + "name_en, name_zh")
        XCTAssertEqual(w.description(chinese: true), "towns.toml:3: 警告：town[1].nmae: 未知字段（已忽略）；已知字段：name_en、name_zh")
        let free = LoadIssue(.error, .impossible, file: "f.toml", line: 1, problem: "something")
        XCTAssertEqual(free.description(chinese: true), free.description)
        XCTAssertEqual(w, LoadIssue(.warning, .unknownField, file: "towns.toml", line: 3, field: "town[1].nmae",
                                    problem: w.problem), "an issue from the words equals one from the data")
    }
}
