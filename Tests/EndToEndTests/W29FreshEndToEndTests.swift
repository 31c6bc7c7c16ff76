import Foundation
import XCTest

/// Wave 29's fresh user: `towns generate` run where no dataset with rules is found wrote no
/// rules.toml and said nothing, so the generated data judged no rule without a word.
final class W29FreshEndToEndTests: XCTestCase {
    func testGenerateSaysWhenItWritesNoRules() throws {
        let binary = try Paths.townsBinary()
        let fm = FileManager.default
        let noRules = fm.temporaryDirectory.appendingPathComponent("towns-w29-norules-\(UUID().uuidString)").path
        let out = fm.temporaryDirectory.appendingPathComponent("towns-w29-generated-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: noRules, withIntermediateDirectories: true)
        defer { for p in [noRules, out, out + "-2"] { try? fm.removeItem(atPath: p) } }
        // The interface's language: English where the locale is not UTF-8, else Chinese.
        for (locale, words) in [("C", "no rules.toml"), ("C.UTF-8", "未写入 rules.toml")] {
            try? fm.removeItem(atPath: out)
            let r = try runUnconfigured(binary, ["generate", "--towns", "5", "--months", "2", "--data", noRules, out],
                                        locale: locale, name: "w29-generate")
            XCTAssertEqual(r.status, 0, r.summary)
            XCTAssertTrue(r.stderr.contains(words), "\(locale): \(r.summary)")
            XCTAssertFalse(fm.fileExists(atPath: out + "/rules.toml"))
        }
        // With the bundled data's rules: written, and nothing said of them.
        let r = try runUnconfigured(binary, ["generate", "--towns", "5", "--months", "2", "--data", Paths.data, out + "-2"],
                                    locale: "C", name: "w29-generate")
        XCTAssertEqual(r.status, 0, r.summary)
        XCTAssertFalse(r.stderr.contains("rules.toml"), r.summary)
        XCTAssertTrue(fm.fileExists(atPath: out + "-2/rules.toml"))
    }
}
