import CNcursesw
import TownsUI

/// Collects a bracketed paste (DEC mode 2004: the terminal sends `ESC [200~`, the text, then
/// `ESC [201~`) from what `wget_wch` reports, so that pasted text reaches the views whole, as
/// one `Key.paste`, and no character of it is taken for a key.
///
/// The markers reach it as the key codes `startCode` and `endCode`, which
/// `KeyDecoding.defineFallbackSequences` teaches ncurses. Line breaks arrive as CR (no `nl`
/// translation in curses mode) and are kept as "\n"; a key sequence inside a paste (an arrow's
/// bytes) is dropped.
struct BracketedPaste {
    /// The key code ncurses reports for `ESC [200~`: above every code it uses (KEY_MAX is
    /// 0777; the codes it gives extended capabilities follow KEY_MAX, a few hundred at most).
    static let startCode: Int32 = 0x7F00
    /// The key code for `ESC [201~`.
    static let endCode: Int32 = 0x7F01
    /// Most characters one paste keeps; the rest is read and dropped.
    static let maximumCharacters = 4096

    /// What one report from `wget_wch` did.
    enum Outcome: Equatable {
        /// Not part of a paste: decode it as a key (`KeyDecoding.key`).
        case notPaste
        /// Taken into the paste in progress (or began one).
        case taken
        /// The paste ended: its text, as a key.
        case ended(Key)
    }

    /// Whether a paste has begun and not ended.
    private(set) var isOpen = false
    private var text = ""
    private var characters = 0

    /// Feeds one report: `status` as `wget_wch` returned it (KEY_CODE_YES for a key code, else
    /// OK), `code` the key code or character.
    mutating func feed(status: Int32, code: UInt32) -> Outcome {
        let keyCode = status == KEY_CODE_YES ? Int32(bitPattern: code) : nil
        if keyCode == Self.startCode {
            isOpen = true
            text = ""
            characters = 0
            return .taken
        }
        guard isOpen else { return .notPaste }
        switch keyCode {
        case Self.endCode?: return .ended(finish())
        case KEY_ENTER?: append("\n")
        case .some: break  // a key's escape sequence in the pasted text: not text
        case nil: if let scalar = Unicode.Scalar(code) { append(scalar == "\r" ? "\n" : scalar) }
        }
        return .taken
    }

    /// Ends the paste in progress (its end marker came, or did not come in time): its text.
    mutating func finish() -> Key {
        isOpen = false
        defer { text = "" }
        return .paste(text)
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        guard characters < Self.maximumCharacters else { return }
        text.unicodeScalars.append(scalar)
        characters += 1
    }
}
