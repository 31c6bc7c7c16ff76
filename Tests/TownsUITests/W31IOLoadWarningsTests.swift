import TownsCore
import XCTest

@testable import TownsUI

/// Wave 31: the first load's warnings (a figures.toml with no `[[figure]]` record while its towns'
/// figures come from monthly/) were printed before the terminal opened, hidden by it: the
/// dashboard shows the first on its first frame, before the settings' notices, and the pointer
/// to the rest names `towns check` for the data's and the settings' command for theirs.
final class W31IOLoadWarningsTests: XCTestCase {
    let warning = "Data/figures.toml: figure: no [[figure]] records: the figures of towns.toml's 5 towns "
        + "come only from monthly/; was the file cut short?"

    func testTheFirstLoadWarningIsShownFirst() throws {
        let s = try bundledState()
        var settings = Settings(language: .en)
        settings.loadWarnings = [warning]
        settings.loadWarningsCommand = "towns check --data Data"
        let one = update(s, .configure(settings))
        XCTAssertEqual(one.message, warning)
        XCTAssertEqual(one.session.flash?.level, .warning)
        XCTAssertTrue(one.messageLog.entries.contains { $0.text == warning })

        settings.notices = ["c.toml:1: view: 'x' is not a view"]
        XCTAssertEqual(update(s, .configure(settings)).message, warning + " (+1 more: towns config)")
        settings.loadWarnings.append("Data/towns.toml:3: town[1].colour: unknown field (ignored)")
        XCTAssertEqual(update(s, .configure(settings)).message,
                       warning + " (+2 more: towns check --data Data; towns config)")
        settings.notices = []
        settings.language = .zh
        XCTAssertEqual(update(s, .configure(settings)).message, warning + "（另 1 项：towns check --data Data）")
    }
}
