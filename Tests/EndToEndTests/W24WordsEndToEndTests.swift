import Foundation
import XCTest

/// Wave 23's fresh user's F14: a few refusals were English under a Chinese interface (`--width
/// 0`, ArgumentParser's "Did you mean"). Every refusal follows the interface's language (`--lang`,
/// the config's, the locale's), exits 2, and names what was typed as typed.
final class W24WordsEndToEndTests: XCTestCase {
    var binary: String!

    override func setUpWithError() throws {
        binary = try Paths.townsBinary()
    }

    /// A UTF-8 locale with no configuration: the words are Chinese unless `--lang en`.
    /// `locale`: `C` for English words where the command takes no `--lang` (`towns generate`).
    func run(_ arguments: [String], locale: String = "C.UTF-8") throws -> ProcessResult {
        try runUnconfigured(binary, arguments, locale: locale, name: "w24", more: [
            "TOWNS_MEETINGS": FileManager.default.temporaryDirectory.appendingPathComponent("towns-w24-meetings").path])
    }

    func testEveryRefusalIsInTheInterfacesLanguage() throws {
        let data = ["--data", Paths.data]
        let cases: [([String], zh: String, en: String)] = [
            (["report", "--width", "0"] + data, "错误：--width 须为 1-1000，不能是 0", "Error: --width must be 1-1000, not 0"),
            (["report", "--widht", "90"] + data, "错误：未知选项 '--widht'。是否要用 '--width'？",
             "Error: Unknown option '--widht'. Did you mean '--width'?"),
            (["report", "--ascii=yes"] + data, "错误：选项 '--ascii' 不取值，却给了 'yes'。",
             "Error: The option '--ascii' does not take any value, but 'yes' was specified."),
            (["report", "--force"] + data, "错误：--force 替换 --output 给出的文件", "Error: --force replaces the file"),
            (["report", "--meta"] + data, "错误：--meta 在 CSV 文件旁写 NAME.meta.txt", "Error: --meta writes NAME.meta.txt"),
            (["report", "--town", "nosuch"] + data, "错误：没有小镇 'nosuch'，也没有这个名称的市", "Error: no town 'nosuch'"),
            (["meetings"] + data, "错误：towns meetings 列出所有数据集的进行中会议：不用 --data",
             "Error: towns meetings lists the open meetings"),
            (["check", "--ascii"] + data, "错误：towns check 不用 --ascii", "Error: towns check does not use --ascii"),
            (["generate", "--towns", "0", "/nonexistent-w24"], "错误：--towns 须为 1-100000，不能是 0",
             "Error: --towns must be 1-100000, not 0"),
            (["present", "--cycle", "soon"] + data, "错误：--cycle：'soon' 不是 30s 或 2m 这样的间隔",
             "Error: --cycle: 'soon' is not an interval"),
        ]
        for (arguments, zh, en) in cases {
            let chinese = try run(arguments)
            XCTAssertEqual(chinese.status, 2, "\(arguments): \(chinese.summary)")
            XCTAssertTrue(chinese.stderr.hasPrefix(zh), "\(arguments): \(chinese.stderr)")
            XCTAssertFalse(chinese.stderr.contains("Error:") || chinese.stderr.contains("Usage:"), chinese.stderr)
            // `towns generate` takes no `--lang`: its words are English under a locale that is not UTF-8.
            let english = arguments[0] == "generate" ? try run(arguments, locale: "C") : try run(arguments + ["--lang", "en"])
            XCTAssertEqual(english.status, 2, "\(arguments): \(english.summary)")
            XCTAssertTrue(english.stderr.hasPrefix(en), "\(arguments): \(english.stderr)")
            XCTAssertFalse(english.stderr.contains("错误"), english.stderr)
        }
    }
}
