import Foundation
import Glibc

/// Copying to the clipboard of the user's own computer through the terminal: the OSC 52
/// sequence (`ESC ] 52 ; c ; BASE64 BEL`), which xterm, iTerm2, kitty, WezTerm, Windows
/// Terminal and others take, which crosses SSH (it is only output), and which tmux takes with
/// `set -g set-clipboard on` (into a paste buffer, and on to the outer terminal).
public enum Clipboard {
    /// Longest sequence written, in bytes of Base64 (many terminals drop longer ones silently).
    public static let maximumBase64 = 100_000

    /// The OSC 52 sequence putting `text` (UTF-8) on the clipboard.
    public static func sequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// Why the terminal named by `term` (and `inTmux`: $TMUX set) cannot take `text`, or nil
    /// when it can: the Linux console and the old terminals have no clipboard, GNU screen does
    /// not pass the sequence on, and a text beyond `maximumBase64` would be dropped.
    public static func refusal(term: String, inTmux: Bool, text: String) -> String? {
        let t = term.lowercased()
        let without = ["linux", "vt52", "vt100", "vt102", "vt220", "vt320", "dumb", "cons25", "ansi", "sun", "wsvt25"]
        if without.contains(where: { t == $0 || t.hasPrefix($0 + "-") }) { return "TERM=\(term)" }
        if t.hasPrefix("screen") && !inTmux { return "TERM=\(term): GNU screen" }
        let length = (text.utf8.count + 2) / 3 * 4
        if length > maximumBase64 { return "\(length) > \(maximumBase64) bytes" }
        return nil
    }
}

extension Terminal {
    /// Writes `text` to the clipboard through the terminal (`Clipboard.sequence`) after what
    /// curses has drawn; returns why not (`Clipboard.refusal`), nil when written.
    public func copyToClipboard(_ text: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        if let why = Clipboard.refusal(term: env["TERM"] ?? "", inTmux: !(env["TMUX"] ?? "").isEmpty, text: text) {
            return why
        }
        fflush(nil)
        var bytes = Array(Clipboard.sequence(text).utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return String(cString: strerror(errno))
            }
            bytes = bytes.dropFirst(n)
        }
        return nil
    }
}
