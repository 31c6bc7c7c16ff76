import Foundation
import XCTest

/// Wave 30's fresh user: `towns report --view overview --width 80` printed 122 columns (its labels
/// padded to the longest type name), `--view towns` 81, and a printed town page's legend ran to
/// 159-184 columns. Since wave 31 a report given `--width N` (N at least the table's least, 60)
/// prints no line wider than N display columns: names are cut with `…` as on screen, and a note
/// says so and how to have them whole; the heading, notes, legend and sources wrap at words.
final class W31PrintEndToEndTests: XCTestCase {
    func testEveryViewFitsItsWidthInBothLanguages() throws {
        let binary = try Paths.townsBinary()
        let views = ["overview", "towns", "types", "entities", "assessment", "province", "reference", "changes"]
        for view in views {
            for language in ["zh", "en"] {
                for width in [80, 60] {
                    let r = try runProcess(binary, ["report", "--data", Paths.data, "--view", view, "--lang", language,
                                                    "--width", "\(width)"])
                    XCTAssertEqual(r.status, 0, r.summary)
                    let widest = r.stdout.components(separatedBy: "\n").map(DisplayColumns.width).max() ?? 0
                    XCTAssertLessThanOrEqual(widest, width, "\(view) \(language) \(width)")
                    XCTAssertFalse(r.stderr.contains("--width"), "\(view) \(language) \(width): \(r.summary)")
                }
            }
        }
    }

    func testAPrintedTownPageFitsItsWidthWithItsReferencesWhole() throws {
        let binary = try Paths.townsBinary()
        for town in ["tongxiang", "haining"] {
            for language in ["zh", "en"] {
                for width in [80, 60] {
                    let r = try runProcess(binary, ["report", "--data", Paths.data, "--town", town, "--lang", language,
                                                    "--width", "\(width)"])
                    XCTAssertEqual(r.status, 0, r.summary)
                    let lines = r.stdout.components(separatedBy: "\n")
                    XCTAssertLessThanOrEqual(lines.map(DisplayColumns.width).max() ?? 0, width,
                                             "\(town) \(language) \(width)")
                    XCTAssertFalse(lines.contains { $0.hasSuffix("二(") }, "\(town) \(language) \(width)")
                }
            }
        }
        // The legend's meanings hang under their meaning, not under the mark.
        let r = try runProcess(binary, ["report", "--data", Paths.data, "--town", "tongxiang", "--lang", "en",
                                        "--width", "80"])
        let lines = r.stdout.components(separatedBy: "\n")
        let known = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("?   not known:") }, r.summary)
        XCTAssertTrue(lines[known + 1].hasPrefix("    reports up to"), lines[known + 1])
        // The entities' references whole, each on the line of its entity or the next.
        XCTAssertEqual(lines.filter { $0.contains("reported: paper 二(二)") }.count, 5, r.summary)
    }

    func testCutNamesAreSaid() throws {
        let binary = try Paths.townsBinary()
        let en = try runProcess(binary, ["report", "--data", Paths.data, "--view", "overview", "--lang", "en",
                                         "--width", "80"])
        XCTAssertTrue(en.stdout.contains("Haining Leather Fashion …"), en.summary)
        XCTAssertTrue(en.stdout.contains("Names cut with … to fit --width 80; --width 122 or --format csv"), en.summary)
        let zh = try runProcess(binary, ["report", "--data", Paths.data, "--view", "types", "--lang", "zh",
                                         "--width", "60"])
        XCTAssertTrue(zh.stdout.contains("名称以 … 截短以适合 --width 60"), zh.summary)
        // Where the names fit whole nothing is cut, nor said.
        let wide = try runProcess(binary, ["report", "--data", Paths.data, "--view", "overview", "--lang", "en",
                                           "--width", "130"])
        XCTAssertFalse(wide.stdout.contains("Names cut"), wide.summary)
        XCTAssertTrue(wide.stdout.contains("Haining Leather Fashion Town"), wide.summary)
    }

    /// Under LANG=C a printed page writes the paper's sections in Arabic numerals (`paper sec. 2(1)`),
    /// as the dashboard does there (`AppState.sectionText`): it printed `二(一)`, which such a
    /// terminal cannot show (wave 30's fresh user).
    func testUnderLangCAPrintedPageWritesSectionsInArabic() throws {
        let binary = try Paths.townsBinary()
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        environment["LC_ALL"] = "C"
        environment["LC_CTYPE"] = "C"
        let r = try runProcess(binary, ["report", "--data", Paths.data, "--town", "tongxiang", "--width", "100"],
                               environment: environment)
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertTrue(r.stdout.contains("reported: paper sec. 2(1)"), r.summary)
        XCTAssertTrue(r.stdout.contains("reported: paper sec. 2(2)"), r.summary)
        XCTAssertFalse(r.stdout.contains("paper 二("), r.summary)
        // Under a UTF-8 locale the sections stay as the data writes them.
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["LC_CTYPE"] = "C.UTF-8"
        let utf8 = try runProcess(binary, ["report", "--data", Paths.data, "--town", "tongxiang", "--lang", "en"],
                                  environment: environment)
        XCTAssertTrue(utf8.stdout.contains("reported: paper 二(二)"), utf8.summary)
    }
}
