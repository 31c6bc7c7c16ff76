import CNcursesw
import TownsUI
import XCTest

@testable import TownsTerminal

/// Key decoding with bracketed paste: what `wget_wch` reports for `ESC [200~ text ESC [201~`
/// (the markers as the key codes taught to ncurses) becomes one `Key.paste`, and none of the
/// pasted characters a key.
final class BracketedPasteTests: XCTestCase {
    /// Feeds `reports` (status, code) as `Terminal.readKey` does: the keys it would return.
    func keys(_ reports: [(Int32, UInt32)]) -> [Key] {
        var paste = BracketedPaste()
        var out: [Key] = []
        for (status, code) in reports {
            switch paste.feed(status: status, code: code) {
            case .ended(let key): out.append(key)
            case .taken: break
            case .notPaste: if let key = KeyDecoding.key(status: status, code: code) { out.append(key) }
            }
        }
        return out
    }

    func characters(_ text: String) -> [(Int32, UInt32)] { text.unicodeScalars.map { (OK, $0.value) } }
    let start = (KEY_CODE_YES, UInt32(BracketedPaste.startCode))
    let end = (KEY_CODE_YES, UInt32(BracketedPaste.endCode))

    func testAPasteIsOneKeyAndNoneOfItsCharactersAKey() {
        let got = keys(characters("j") + [start] + characters("pasted 海宁\re") + [end] + characters("k"))
        XCTAssertEqual(got, [.char("j"), .paste("pasted 海宁\ne"), .char("k")])
    }

    func testKeysInsideAPasteAreNotKeys() {
        let up = (KEY_CODE_YES, UInt32(KEY_UP)), enter = (KEY_CODE_YES, UInt32(KEY_ENTER))
        let got = keys([start] + characters("a") + [up, enter] + characters("\u{1B}q") + [end])
        XCTAssertEqual(got, [.paste("a\n\u{1B}q")], "an arrow's sequence dropped, Enter a line break, Esc kept as text")
    }

    func testAStrayEndMarkerAndTheLimit() {
        XCTAssertEqual(keys([end] + characters("q")), [.char("q")], "an end without a start is no key")
        let long = String(repeating: "x", count: BracketedPaste.maximumCharacters + 50)
        let got = keys([start] + characters(long) + [end])
        XCTAssertEqual(got, [.paste(String(repeating: "x", count: BracketedPaste.maximumCharacters))])
    }

    func testAPasteWithoutItsEndMarkerEndsWhenAskedWithWhatCame() {
        var paste = BracketedPaste()
        _ = paste.feed(status: start.0, code: start.1)
        for (s, c) in characters("half") { XCTAssertEqual(paste.feed(status: s, code: c), .taken) }
        XCTAssertTrue(paste.isOpen)
        XCTAssertEqual(paste.finish(), .paste("half"))
        XCTAssertFalse(paste.isOpen)
        XCTAssertEqual(paste.feed(status: OK, code: 0x71), .notPaste)
    }

    func testOrdinaryKeysDecodeAsBefore() {
        XCTAssertEqual(keys(characters("\r\u{7F}\t\u{1B}") + [(KEY_CODE_YES, UInt32(KEY_F0 + 5))]),
                       [.enter, .backspace, .tab, .escape, .function(5)])
    }
}
