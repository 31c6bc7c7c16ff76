import CNcursesw
import TownsUI

/// Turns what `wget_wch` reports into a `Key`.
enum KeyDecoding {
    /// The key for `code` as `wget_wch` returned it: a key code (KEY_UP...) when `status` is
    /// KEY_CODE_YES, else a character. Nil for input the views have no use for (mouse reports,
    /// unmapped function keys, stray control characters).
    static func key(status: Int32, code: UInt32) -> Key? {
        status == KEY_CODE_YES ? keyCode(Int32(bitPattern: code)) : character(code)
    }

    private static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // Home/End arrive as KEY_FIND/KEY_SELECT when the terminfo entry names ESC[1~ / ESC[4~ so.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_RESIZE: return .resize
        case KEY_MOUSE:
            var x: Int32 = 0, y: Int32 = 0
            let kind: MouseEvent.Kind
            switch towns_mouse_event(&x, &y) {
            case 1: kind = .click
            case 2: kind = .doubleClick
            case 3: kind = .wheelUp
            case 4: kind = .wheelDown
            default: return nil
            }
            return .mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y)))
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        case 9: return .tab
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<32, 0x80..<0xa0: return nil
        default: return Unicode.Scalar(code).map { .char(Character($0)) }
        }
    }

    /// Escape sequences terminals send for keys whose terminfo entry may say otherwise (TERM set
    /// to a relative of the real terminal: tmux sends ESC[1~ for Home whatever TERM says, and a
    /// modern emulator with TERM=vt100 sends ESC[15~ for F5).
    /// Each is taught to ncurses only if the entry does not already define it.
    private static let fallbackSequences: [(String, Int32)] = [
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
        ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
        ("\u{1B}[2~", KEY_IC),  // Insert: no Key, but its bytes must not arrive as Esc [ 2 ~
        ("\u{1B}OM", KEY_ENTER),
        ("\u{1B}OP", KEY_F0 + 1), ("\u{1B}OQ", KEY_F0 + 2), ("\u{1B}OR", KEY_F0 + 3), ("\u{1B}OS", KEY_F0 + 4),
        ("\u{1B}[11~", KEY_F0 + 1), ("\u{1B}[12~", KEY_F0 + 2), ("\u{1B}[13~", KEY_F0 + 3), ("\u{1B}[14~", KEY_F0 + 4),
        ("\u{1B}[15~", KEY_F0 + 5), ("\u{1B}[17~", KEY_F0 + 6), ("\u{1B}[18~", KEY_F0 + 7), ("\u{1B}[19~", KEY_F0 + 8),
        ("\u{1B}[20~", KEY_F0 + 9), ("\u{1B}[21~", KEY_F0 + 10), ("\u{1B}[23~", KEY_F0 + 11),
        ("\u{1B}[24~", KEY_F0 + 12),
        // Bracketed paste's markers (`BracketedPaste`): no terminfo entry names them as keys.
        ("\u{1B}[200~", BracketedPaste.startCode), ("\u{1B}[201~", BracketedPaste.endCode),
    ]

    /// Teaches ncurses the fallback sequences the current terminal's entry lacks, or binds to a
    /// code with no `Key` (TERM=linux names ESC[Z the extended key "kcbt2"). Call after `newterm`.
    static func defineFallbackSequences() {
        for (sequence, code) in fallbackSequences {
            let current = key_defined(sequence)  // 0: undefined, -1: prefix of a longer sequence
            if current == 0 || (current > 0 && keyCode(current) == nil && current != code) {
                define_key(sequence, code)
            }
        }
    }
}
