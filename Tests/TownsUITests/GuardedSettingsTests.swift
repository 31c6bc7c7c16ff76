import Foundation
import TownsCore
import TownsUI
import XCTest

/// Themes and the configuration go through the same guard in front of the TOML parser as the
/// data files (issue 11, point 7): `[中]`, a NUL, and every input the loader's fuzzer found are
/// a problem naming the file and the line, never an abort.
final class GuardedSettingsTests: XCTestCase {
    /// The hostile texts: the issue's two, and every file in Fuzz/regressions/loader/.
    private func hostileTexts() throws -> [(String, String)] {
        var texts = [("cjk-header", "[中]\nname = \"x\"\n"), ("nul", "theme = \"light\"\n\u{0}\nview = \"towns\"\n"),
                     ("lone-bracket", "view = \"towns\"\n[\n")]
        let folder = repositoryRoot + "/Fuzz/regressions/loader"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            texts.append((name, text))
        }
        XCTAssertGreaterThanOrEqual(texts.count, 8, "the regression inputs are there")
        return texts
    }

    func testATheme() throws {
        for (name, text) in try hostileTexts() {
            do {
                _ = try Theme.parse(text, file: "Themes/\(name)", fallback: nil)
                // Some regression inputs may be valid TOML: then there is nothing to report.
                XCTAssertNil(TOMLGuardProbe.problem(text), "\(name): the guard refuses it, so parse must throw")
            } catch let error as ThemeError {
                XCTAssertTrue(error.message.hasPrefix("Themes/\(name):"), error.message)
                let line = error.message.dropFirst("Themes/\(name):".count).prefix { $0.isNumber }
                XCTAssertFalse(line.isEmpty, "\(name): a line number: \(error.message)")
            }
        }
    }

    func testAConfiguration() throws {
        for (name, text) in try hostileTexts() {
            let config = ConfigText(text, path: "/home/u/.config/towns/\(name)")
            if TOMLGuardProbe.problem(text) != nil {
                let first = try XCTUnwrap(config.problems.first, name)
                XCTAssertTrue(first.hasPrefix("/home/u/.config/towns/\(name):"), first)
                XCTAssertTrue(first.contains("TOML syntax"), first)
                XCTAssertNil(config.view, "\(name): nothing read from a file that does not parse")
            }
        }
        let cjk = ConfigText("view = \"towns\"\n[中]\n", path: "c.toml")
        XCTAssertEqual(cjk.problems.first?.hasPrefix("c.toml:2:2:"), true, cjk.problems.description)
        let nul = ConfigText("view = \"towns\"\n\u{0}", path: "c.toml")
        XCTAssertEqual(nul.problems.first?.hasPrefix("c.toml:2:1:"), true, nul.problems.description)
    }
}

/// Whether the guard refuses `text` (through the public parser: a syntax error it reports
/// before toml++ sees the text has the guard's words).
enum TOMLGuardProbe {
    static func problem(_ text: String) -> LoadIssue? { GuardedTOML.check(text, file: "probe") }
}
