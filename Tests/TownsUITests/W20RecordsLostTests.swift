import TownsCore
import TownsUI
import XCTest

/// A reload that lost records against the data shown before it stays said on the status line
/// until a reload loses nothing more (a fresh user's half-written `figures.toml` took two towns
/// off the overview's behind list; the flash saying so went at the next key). The count of the
/// new data's warnings is in the session's language.
final class W20RecordsLostTests: XCTestCase {
    func testRecordsLostStaySaidUntilAReloadLosesNothing() throws {
        var s = try bundledState()
        let facts = Facts(dataset: s.dataset)
        s = update(s, .dataReloaded(facts, changedAt: "10:53:01", warnings: 0, lost: "figures.toml: 12 records gone"))
        func statusSays(_ state: AppState, _ words: String) -> Bool {
            screen(state).contains { $0.contains(words) }
        }
        XCTAssertTrue(statusSays(s, "12 records gone"), screen(s).joined(separator: "\n"))
        // A key clears a flash; this warning stays.
        s = update(s, .moveDown)
        s = update(s, .moveUp)
        XCTAssertNil(s.session.flash)
        XCTAssertTrue(statusSays(s, "12 records gone"), screen(s).joined(separator: "\n"))
        // The next reload that loses nothing takes it away.
        s = update(s, .dataReloaded(facts, changedAt: "10:54:00", warnings: 0, lost: nil))
        s = update(s, .moveDown)
        XCTAssertFalse(statusSays(s, "12 records gone"), screen(s).joined(separator: "\n"))
        XCTAssertTrue(s.messageLog.entries.contains { $0.text.contains("12 records gone") }, "the log keeps it")
    }

    func testTheReloadsWarningCountIsInTheSessionsLanguage() throws {
        var s = try bundledState()
        s = update(s, .runCommand("lang zh"))
        XCTAssertEqual(s.language, .zh)
        s = update(s, .dataReloaded(Facts(dataset: s.dataset), changedAt: nil, warnings: 2, lost: nil))
        XCTAssertEqual(s.message, "数据已更新（2 条警告：towns check）")
        XCTAssertFalse(s.message?.contains("warning") ?? true)
    }
}
