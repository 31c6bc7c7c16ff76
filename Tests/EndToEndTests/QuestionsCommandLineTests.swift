import Foundation
import XCTest

/// `towns report` and `towns config` on what a fresh user found (issue 14, issue 15 point 6):
/// the report's overview is whole, with `--ascii` unknown is `NA` as `e` writes it, and the
/// configuration takes every view.
final class QuestionsCommandLineTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// With `--ascii`, no view in any period writes unknown as a lone `-` (nor `'-`, as the
    /// formula guard would turn it), in any form; the CSV of the towns view writes `NA`, as the
    /// dashboard's `e` does (one rule: `Glyphs.forExport`).
    func testAnASCIIReportNeverWritesUnknownAsADash() throws {
        let views = ["overview", "towns", "types", "entities", "assessment", "province", "reference", "changes"]
        for period in ["2015-08", "2015-09", "2015-12"] {
            for view in views {
                for format in ["csv", "text", "md", "json"] {
                    let r = try runProcess(
                        binary, ["report", "--view", view, "--period", period, "--format", format, "--ascii",
                                 "--data", Paths.data])
                    XCTAssertEqual(r.status, 0, r.summary)
                    // A bar ("######|-") is one field: the `|` splits only Markdown's cells (" | ").
                    let separators: Set<Character> = format == "csv" ? [",", "\r\n", "\n"] : [" ", "\"", "\n"]
                    // Markdown's list items start with a dash of their own: its table rows only.
                    // A formula's line (`进度差 = 完成率 - 应完成`, the ASCII minus) holds a subtraction.
                    let lines = r.stdout.components(separatedBy: "\n").filter { format != "md" || $0.hasPrefix("|") }
                        .filter { !$0.contains(" = ") }
                        .map { $0.replacingOccurrences(of: " | ", with: " ") }
                    for field in lines.joined(separator: "\n").split(whereSeparator: { separators.contains($0) }) {
                        let bare = field.hasPrefix("'") ? field.dropFirst() : field[...]
                        XCTAssertFalse(
                            bare == "-" || bare.hasPrefix("-/") || bare.hasSuffix("/-"),
                            "\(view) \(period) \(format): unknown written '\(field)'\n\(r.stdout)")
                    }
                }
            }
        }
        let csv = try runProcess(
            binary, ["report", "--format", "csv", "--ascii", "--view", "towns", "--data", Paths.data])
        let rows = csv.stdout.components(separatedBy: "\r\n")
        XCTAssertTrue(rows.contains { $0.hasPrefix("桐乡毛衫时尚小镇,桐乡市,1,NA,NA,92.7%") }, csv.stdout)
    }

    /// `view = "overview"` (and "changes") in the configuration is taken: `towns config` shows it
    /// with no problem; the default named is the overview.
    func testTheConfigurationTakesTheOverviewAndTheChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-q-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.toml")
        for view in ["overview", "changes", "reference"] {
            try "view = \"\(view)\"\n".write(to: file, atomically: true, encoding: .utf8)
            let r = try runProcess(binary, ["config", "--config", file.path, "--data", Paths.data])
            XCTAssertTrue(r.stdout.contains("view: \(view)"), r.summary)
            XCTAssertFalse((r.stdout + r.stderr).contains("is not a view"), r.summary)
        }
        try "period = \"2015-09\"\n".write(to: file, atomically: true, encoding: .utf8)
        // In English (`towns config` speaks the locale's language when not told, since wave 26).
        let r = try runProcess(binary, ["config", "--config", file.path, "--data", Paths.data, "--lang", "en"])
        XCTAssertTrue(r.stdout.contains("view: (default) overview"), r.summary)
    }
}
