import Foundation
import XCTest

@testable import towns

/// Wave 31 (review finding D3): `--config` declared once (`ConfigOption`) for the dashboard's
/// commands and `towns meetings`, which had a copy of `ScreenOptions.config`.
final class W31IOConfigOptionTests: XCTestCase {
    /// `ScreenOptions` (the dashboard, `present`, `follow`) and `towns meetings` take `--config`
    /// through the one `ConfigOption`, and each `--help` says it in its words.
    func testConfigIsOneOptionGroupForTheScreenAndMeetings() throws {
        func groups(_ value: Any) -> [String] {
            Mirror(reflecting: value).children.compactMap { child in
                String(describing: type(of: child.value)).contains("OptionGroup<ConfigOption>") ? child.label : nil
            }
        }
        XCTAssertEqual(groups(ScreenOptions()), ["_configuration"])
        XCTAssertEqual(try ScreenOptions.parse(["--config", "/x/c.toml"]).config, "/x/c.toml")
        XCTAssertNil(try ScreenOptions.parse([]).config)
        XCTAssertEqual(groups(MeetingsCommand()), ["_configuration"])
        let words = ConfigOption.help.split(separator: " ").joined(separator: " ")
        for command in [["dashboard", "--help"], ["present", "--help"], ["follow", "--help"], ["meetings", "--help"]] {
            let help = try helpWords(command)
            XCTAssertTrue(help.words.contains("--config <PATH> " + words), "\(command): \(help.summary)")
            XCTAssertEqual(help.words.components(separatedBy: "--config <PATH> Configuration file").count, 2,
                           "\(command): once among the options: \(help.summary)")
        }
    }
}
