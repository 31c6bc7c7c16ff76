import TownsCore
@testable import TownsUI
import XCTest

/// `:messages` (wave 6, w6-screens point 4): status messages vanish at the next key and a long
/// one is cut at three lines; the log keeps each with its time, newest last, in both languages.
final class MessageLogTests: XCTestCase {
    func testMessagesAreLoggedWithTheirTimeAndListedNewestLast() throws {
        for language in Language.allCases {
            var s = try bundledState(width: 80, height: 24)
            s.language = language
            XCTAssertTrue(s.messageLog.entries.isEmpty)
            s = apply(s, .nextPeriod, .toggleBehindFilter, .clearFilter, .moveDown)  // messages, then a key
            let texts = s.messageLog.entries.map(\.text)
            XCTAssertGreaterThanOrEqual(texts.count, 2, "\(texts)")
            XCTAssertNil(s.message, "the status line has moved on")
            for e in s.messageLog.entries {
                XCTAssertNotNil(e.time.range(of: #"^\d\d:\d\d:\d\d$"#, options: .regularExpression), e.time)
            }
            s = apply(s, .runCommand("messages"))
            XCTAssertEqual(s.screen.kind, .messages)
            let page = s.pageLines(.messages, width: 78).map { $0.text() }
            XCTAssertEqual(page[0], language == .zh ? "本次会话的状态消息（\(texts.count) 条，最新在最后）"
                                                    : "This session's status messages (\(texts.count), newest last)")
            // Each message under its time, in the order shown (newest last).
            var at = 0
            for (e, text) in zip(s.messageLog.entries, texts) {
                let first = String(TextWrap.wrap(text, width: 68)[0])
                let i = try XCTUnwrap(page.indices.first { $0 > at && page[$0].hasPrefix(e.time + "  ")
                    && page[$0].contains(first) }, "\(text) in \(page)")
                at = i
            }
            // On screen: the breadcrumb names the page, the newest message is shown, Esc goes back.
            let lines = screen(s)
            XCTAssertTrue(lines[2].contains(language == .zh ? "消息" : "Messages"), lines[2])
            let newest = try XCTUnwrap(texts.last)
            XCTAssertTrue(lines.joined().contains(String(TextWrap.wrap(newest, width: 60)[0])),
                          lines.joined(separator: "\n"))
            XCTAssertNotEqual(apply(s, .back).screen.kind, .messages)
        }
    }

    func testAnEmptyLogSaysSoAndTheKeyCommandAndHelpNameIt() throws {
        var s = try bundledState(width: 80, height: 24)
        s = update(s, .showMessages)
        XCTAssertEqual(s.pageLines(.messages, width: 78).map { $0.text() }.last, "本次会话还没有状态消息")
        XCTAssertTrue(Commands.names.contains("messages"))
        XCTAssertEqual(handle(try bundledState(), .char("M")).screen.kind, .messages)
        XCTAssertTrue(KeyNames.actions.contains { $0.name == "messages" && $0.action == .showMessages })
        let help = Renderer.helpLines(s, glyphs: .unicode)
        XCTAssertTrue(help.contains { $0.0 == "M" && $0.1.contains(":messages") }, "\(help)")
        // A warning is kept as one, marked.
        var w = try bundledState()
        w.language = .en
        w = update(w, .copied(rows: 5, refusal: "TERM=linux"))
        XCTAssertEqual(w.messageLog.entries.last?.warning, true)
        let page = w.pageLines(.messages, width: 98).map { $0.text() }
        XCTAssertTrue(page.contains { $0.contains("  warning this terminal cannot take a copy (TERM=linux)") },
                      "\(page)")
    }

    /// The log keeps at most `MessageLog.limit`, the oldest giving way.
    func testTheLogIsBounded() {
        var log = MessageLog()
        for i in 0..<(MessageLog.limit + 3) { log.append(Flash("m\(i)"), at: "12:00:00") }
        XCTAssertEqual(log.entries.count, MessageLog.limit)
        XCTAssertEqual(log.entries.first?.text, "m3")
    }
}
