import TownsCore
import TownsUI
import XCTest

/// Pasted text (`Key.paste`): typed into the `/` search or the `:` command line, on one line;
/// anywhere else nothing runs, and the status line says the paste was ignored.
final class PasteTests: XCTestCase {
    func testAPasteOutsideAPromptRunsNothing() throws {
        let s = try bundledState(width: 100, height: 30, period: "2015-09")
        // "pasted" as keys would move a period (p) and export (e).
        let after = handle(s, .paste("pasted"))
        XCTAssertEqual(after.stack.map(\.kind), s.stack.map(\.kind))
        XCTAssertEqual(after.selection, s.selection)
        XCTAssertEqual(after.session.periodID, s.session.periodID)
        XCTAssertEqual(step(s, .paste("pasted")).effects, [], "no export asked")
        XCTAssertEqual(after.session.flash?.level, .warning)
        XCTAssertTrue(screen(after)[28].contains("已忽略粘贴（6 个字符）"), screen(after)[28])
        let en = handle(update(s, .toggleLanguage), .paste("x\ny"))
        XCTAssertTrue(screen(en)[28].contains("paste ignored (3 characters)"), screen(en)[28])
    }

    func testAPasteIntoTheSearchIsTypedOnOneLine() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = apply(s, .startSearch)
        s = handle(s, .paste("hai\nning\r\n"))
        XCTAssertEqual(s.search, SearchState(query: "hai ning", editing: true))
        s = handle(handle(s, .backspace), .paste("\tx\u{7}"))
        XCTAssertEqual(s.search?.query, "hai ninx", "leading blanks and a bell dropped")
    }

    func testAPasteIntoTheCommandLineIsTypedAndRunsOnlyOnEnter() throws {
        var s = try bundledState(width: 100, height: 30, period: "2015-09")
        s = apply(s, .startCommand)
        s = handle(s, .paste("view types\n"))
        XCTAssertEqual(s.commandLine?.text, "view types", "the line break does not run it")
        XCTAssertEqual(s.stack[0].kind, .townList)
        s = handle(s, .enter)
        XCTAssertEqual(s.stack[0].kind, .typeList)
    }

    func testALongPasteIsCut() throws {
        var s = try bundledState(width: 100, height: 30)
        s = apply(s, .startCommand)
        s = handle(s, .paste(String(repeating: "ab ", count: 2000)))
        XCTAssertLessThanOrEqual(s.commandLine?.text.count ?? 0, 1000)
    }
}
