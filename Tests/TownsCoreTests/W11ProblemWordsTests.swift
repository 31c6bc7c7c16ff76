import Foundation
import TownsCore
import XCTest

/// Wave 11: the loaders' value checks (`ValueProblem`) and `towns import`'s sheet problems
/// (`SheetProblem`) are data with Chinese and English words, like the rest of `LoadMessage`;
/// no problem site builds an English-only string any more.
final class W11ProblemWordsTests: XCTestCase {
    /// A run of 3 or more English words (the other language's prose in Chinese text).
    let englishRun = "[A-Za-z]{2,}[ ,;:()'-]+[A-Za-z]{2,}[ ,;:()'-]+[A-Za-z]{2,}"
    let han = "\\p{Han}"

    func check(_ label: String, english: String, chinese: String) {
        XCTAssertFalse(english.isEmpty, label)
        XCTAssertNotEqual(chinese, english, label)
        XCTAssertNotNil(chinese.range(of: han, options: .regularExpression), "\(label): \(chinese)")
        // Arguments that are the system's words (Input/output error) are not the table's.
        // Date shapes (YYYY-MM-DD) are not words either.
        let own = chinese.replacingOccurrences(of: "Input/output error", with: " ")
            .replacingOccurrences(of: "YYYY-MM-DD", with: " ").replacingOccurrences(of: "YYYY-MM", with: " ")
        XCTAssertNil(own.range(of: englishRun, options: .regularExpression), "\(label): \(chinese)")
        // The English words hold Chinese only where the data's unit or a sheet's header is quoted.
        let quoted = english.replacingOccurrences(of: "[\\p{Han}（）%]*[亿万]元[\\p{Han}（）]*|完成率（%）|已开工项目（个）|梦想小镇"
                                                  + "|乌镇|2015年10月|2015年1-9月|北京|备注|合计|小镇/town|期间/period|个",
                                                  with: "", options: .regularExpression)
        XCTAssertNil(quoted.range(of: han, options: .regularExpression), "\(label): \(english)")
    }

    func testEveryValueProblemHasWordsInBothLanguages() throws {
        XCTAssertGreaterThanOrEqual(ValueProblem.Kind.allCases.count, 40)
        for kind in ValueProblem.Kind.allCases {
            let p = ValueProblem.sample(kind)
            XCTAssertEqual(p.kind, kind)
            check("value \(kind)", english: p.english, chinese: p.chinese)
            let m = LoadMessage.value(p)
            XCTAssertEqual(m.english, p.english)
            XCTAssertEqual(m.chinese, p.chinese)
            XCTAssertEqual(try JSONDecoder().decode(LoadMessage.self, from: try JSONEncoder().encode(m)), m, "\(kind)")
        }
        for choice in ValueProblem.Choice.allCases {
            XCTAssertNotNil(choice.chinese.range(of: han, options: .regularExpression), "\(choice)")
        }
    }

    func testEverySheetProblemHasWordsInBothLanguages() throws {
        XCTAssertGreaterThanOrEqual(SheetProblem.Kind.allCases.count, 45)
        for kind in SheetProblem.Kind.allCases {
            let p = SheetProblem.sample(kind)
            XCTAssertEqual(p.kind, kind)
            check("sheet \(kind)", english: p.english, chinese: p.chinese)
            let m = LoadMessage.sheet(p)
            XCTAssertEqual(try JSONDecoder().decode(LoadMessage.self, from: try JSONEncoder().encode(m)), m, "\(kind)")
        }
    }

    /// The loaders and `towns import` build no problem from free English words: every
    /// `LoadIssue` they make carries a `LoadMessage`. A site written the old way
    /// (`problem: "..."`, `.invalid("...")`, `Problem(description:`) fails this test.
    func testNoProblemSiteBuildsAnEnglishOnlyString() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var sites: [String] = []
        var files = 0
        for folder in ["Sources/TownsCore", "Sources/TownsImport"] {
            let dir = root.appendingPathComponent(folder)
            let names = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []
            for name in names where name.hasSuffix(".swift") && name != "LoadIssue.swift" {
                files += 1
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                for (i, line) in text.components(separatedBy: "\n").enumerated() {
                    let code = line.components(separatedBy: "//").first ?? ""
                    // The snapshot reads back the English a writer stored (its message beside it).
                    if name.hasSuffix("SnapshotCodec.swift") && code.contains("problem: try string()") { continue }
                    for pattern in ["problem: \"", "problem: problem", "problem: \\(", ".invalid(\"",
                                    "Problem(description:", "problem: error", "problem: \"\\("]
                    where code.contains(pattern) {
                        sites.append("\(folder)/\(name):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                    if code.range(of: "(error|warning)\\([^,]*, *\\.[a-zA-Z]+, *\"", options: .regularExpression) != nil {
                        sites.append("\(folder)/\(name):\(i + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        XCTAssertGreaterThan(files, 40, "the sources were found")
        XCTAssertEqual(sites, [], "problems built from English-only words:\n" + sites.joined(separator: "\n"))
    }

    /// A real bad value: English as it always was, Chinese with the same file, line and field.
    func testABadValueIsChineseWithFileLineAndField() throws {
        let dir = try brokenCopy("towns.toml") {
            $0.replacingOccurrences(of: "mode = \"joint\"", with: "mode = \"solo\"", options: [],
                                    range: $0.range(of: "mode = \"joint\""))
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let issue = try XCTUnwrap(loadErrors(dir).first { $0.field?.hasSuffix(".mode") == true })
        guard case .value(.notOneOf("solo", .mode, _))? = issue.message else {
            return XCTFail("a typed message: \(String(describing: issue.message))")
        }
        let line = try XCTUnwrap(issue.line)
        let field = try XCTUnwrap(issue.field)
        XCTAssertEqual(issue.description, "\(issue.file):\(line): \(field): 'solo' is not a mode (group-led, joint)")
        XCTAssertEqual(issue.description(chinese: true),
                       "\(issue.file):\(line): \(field): 「solo」不是运营模式（group-led、joint）")
    }

    /// A bad date (CalendarDate) is typed too.
    func testABadDateIsChinese() throws {
        let dir = try brokenCopy("towns.toml") {
            guard let r = $0.range(of: "list_date = \"") else { return $0 }
            return $0.replacingCharacters(in: r, with: "list_date = \"2015-02-30\" # ")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let errors = loadErrors(dir)
        let issue = try XCTUnwrap(errors.first { $0.field?.hasSuffix(".list_date") == true }, "\(errors)")
        XCTAssertEqual(issue.problem, "'2015-02-30' is not a day: 2015-02 has 28 days")
        XCTAssertTrue(issue.description(chinese: true).hasSuffix("list_date: 「2015-02-30」不是有效日期：2015-02 只有 28 天"),
                      issue.description(chinese: true))
    }
}
